/**
 * The two copies of the listing gate must not drift: `ocop_listing_gate_reasons` (SQL, enforced by
 * triggers) against `evaluateListingGate` (TypeScript, used by workflows, carts and the seed), on
 * random products — any product status, 0–2 producer links to producers in any status (deleted or
 * not), 0–4 certifications with any status, 1–5 stars, missing / past / future / boundary dates —
 * evaluated at random instants, including exactly on a valid_from or expires_at.
 *
 * Runs against a real Postgres: a temporary database on the server scripts/test.mjs provides
 * (DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD), with the columns the gate reads. The integration spec
 * gate-invariant.spec.ts checks the same on Medusa's real tables. OCOP_GATE_SEED replays a run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import fc from "fast-check"
import knexFactory, { type Knex } from "knex"
import { evaluateListingGate } from "./listing-gate"
import { installListingGateSql, sqlGateReasons } from "./listing-gate-database"
import { LISTING_GATE_SQL_VERSION } from "./listing-gate-sql"

const user = encodeURIComponent(process.env.DB_USERNAME ?? "postgres")
const password = encodeURIComponent(process.env.DB_PASSWORD ?? "postgres")
const SERVER =
  process.env.DATABASE_SERVER_URL ??
  `postgres://${user}:${password}@${process.env.DB_HOST ?? "127.0.0.1"}:${process.env.DB_PORT ?? process.env.OCOP_PG_PORT ?? 54329}`
const DB = `ocop_gate_parity_${process.pid}`

// Only the columns the gate reads or guards; Medusa's real tables have more.
const SCHEMA = `
CREATE TABLE product (id text PRIMARY KEY, title text, status text NOT NULL, deleted_at timestamptz);
CREATE TABLE sales_channel (id text PRIMARY KEY, metadata jsonb, deleted_at timestamptz);
CREATE TABLE product_sales_channel (product_id varchar(255), sales_channel_id varchar(255), id varchar(255), updated_at timestamptz DEFAULT now(), deleted_at timestamptz, PRIMARY KEY (product_id, sales_channel_id));
CREATE TABLE publishable_api_key_sales_channel (publishable_key_id varchar(255), sales_channel_id varchar(255), id varchar(255), deleted_at timestamptz, PRIMARY KEY (publishable_key_id, sales_channel_id));
CREATE TABLE ocop_producer (id text PRIMARY KEY, status text NOT NULL, deleted_at timestamptz);
CREATE TABLE ocop_certification (id text PRIMARY KEY, product_id text NOT NULL, status text NOT NULL, stars integer NOT NULL, valid_from timestamptz, expires_at timestamptz, deleted_at timestamptz);
CREATE TABLE ocop_product_listing (id text PRIMARY KEY, product_id text NOT NULL, listed boolean NOT NULL DEFAULT false, deleted_at timestamptz);
CREATE TABLE product_product_ocop_producer (product_id varchar(255), producer_id varchar(255), id varchar(255), deleted_at timestamptz, PRIMARY KEY (product_id, producer_id));
`

const BASE = Date.parse("2026-06-15T00:00:00Z")
const DAY = 86_400_000
const YEARS3 = 3 * 365 * DAY

const instant = fc.integer({ min: -YEARS3, max: YEARS3 }).map((offset) => new Date(BASE + offset))
const optionalInstant = fc.option(instant, { nil: null, freq: 6 })
const certification = fc.record({
  status: fc.constantFrom(
    "submitted",
    "approved",
    "approved",
    "approved",
    "rejected",
    "expired",
    "revoked",
    "suspended"
  ),
  stars: fc.integer({ min: 1, max: 5 }),
  valid_from: optionalInstant,
  expires_at: optionalInstant,
  deleted: fc.constantFrom(false, false, false, false, true),
})
const producerLink = fc.record({
  status: fc.constantFrom("pending", "active", "active", "suspended"),
  producer_deleted: fc.constantFrom(false, false, false, true),
  link_deleted: fc.constantFrom(false, false, false, true),
})
const anyProduct = fc
  .record({
    product: fc.constantFrom(
      "published",
      "published",
      "published",
      "draft",
      "proposed",
      "rejected",
      "deleted",
      "missing"
    ),
    producers: fc.array(producerLink, { maxLength: 2 }),
    certifications: fc.array(certification, { maxLength: 4 }),
    at: instant,
    onBoundary: fc.constantFrom("none", "none", "valid_from", "expires_at"),
  })
  // At most one live producer link (Medusa's product → producer link is one producer per product).
  .filter((s) => s.producers.filter((p) => !p.link_deleted).length <= 1)
// Products one step from listed (so both verdicts are common): published, an active producer, a
// certificate around the evaluated moment — then one thing may be off.
const nearlyListed = fc.record({
  product: fc.constantFrom("published", "published", "published", "draft"),
  producers: fc
    .constantFrom("active", "active", "active", "pending")
    .map((status) => [{ status, producer_deleted: false, link_deleted: false }]),
  certifications: fc
    .tuple(
      fc.record({
        status: fc.constantFrom("approved", "approved", "approved", "suspended"),
        stars: fc.integer({ min: 2, max: 5 }),
        valid_from: fc.integer({ min: -2 * 365, max: 10 }).map((d) => new Date(BASE + d * DAY)),
        expires_at: fc.integer({ min: -30, max: 3 * 365 }).map((d) => new Date(BASE + d * DAY)),
        deleted: fc.constant(false),
      }),
      fc.array(certification, { maxLength: 2 })
    )
    .map(([first, rest]) => [first, ...rest]),
  at: fc.integer({ min: -DAY, max: DAY }).map((offset) => new Date(BASE + offset)),
  onBoundary: fc.constantFrom("none", "none", "valid_from", "expires_at"),
})
const scenario = fc.oneof(anyProduct, nearlyListed).map((s) => {
  const dated = s.certifications.find((c) => c[s.onBoundary as "valid_from" | "expires_at"])
  const at = dated ? (dated[s.onBoundary as "valid_from" | "expires_at"] as Date) : s.at
  return { ...s, at }
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

/** The TypeScript gate as evaluateListings feeds it (soft-deleted rows are invisible to query.graph). */
function tsReasons(s: Scenario): string[] {
  if (s.product === "deleted" || s.product === "missing") return ["product_not_published"]
  const live = s.producers.find((p) => !p.link_deleted && !p.producer_deleted)
  return evaluateListingGate({
    product_status: s.product,
    producer_status: live?.status,
    certifications: s.certifications
      .filter((c) => !c.deleted && c.status === "approved")
      .map((c, i) => ({
        id: `c${i}`,
        status: c.status,
        stars: c.stars,
        valid_from: c.valid_from,
        expires_at: c.expires_at,
      })),
    now: s.at,
  }).reasons
}

let admin: Knex
let db: Knex
let n = 0

async function insert(s: Scenario): Promise<string> {
  const id = `prod_${n++}`
  if (s.product !== "missing") {
    await db("product").insert({
      id,
      title: id,
      status: s.product === "deleted" ? "published" : s.product,
      deleted_at: s.product === "deleted" ? new Date(BASE) : null,
    })
  }
  for (const [i, p] of s.producers.entries()) {
    const producerId = `${id}_opr${i}`
    await db("ocop_producer").insert({
      id: producerId,
      status: p.status,
      deleted_at: p.producer_deleted ? new Date(BASE) : null,
    })
    await db("product_product_ocop_producer").insert({
      product_id: id,
      producer_id: producerId,
      id: `${producerId}_link`,
      deleted_at: p.link_deleted ? new Date(BASE) : null,
    })
  }
  for (const [i, c] of s.certifications.entries()) {
    await db("ocop_certification").insert({
      id: `${id}_c${i}`,
      product_id: id,
      status: c.status,
      stars: c.stars,
      valid_from: c.valid_from,
      expires_at: c.expires_at,
      deleted_at: c.deleted ? new Date(BASE) : null,
    })
  }
  return id
}

beforeAll(async () => {
  admin = knexFactory({ client: "pg", connection: `${SERVER}/postgres` })
  await admin.raw(`DROP DATABASE IF EXISTS "${DB}"`)
  await admin.raw(`CREATE DATABASE "${DB}"`)
  db = knexFactory({ client: "pg", connection: `${SERVER}/${DB}` })
  await db.raw(SCHEMA)
  const installed = await installListingGateSql(db as any)
  expect(installed).toMatchObject({ installed: true, changed: true })
})

afterAll(async () => {
  await db?.destroy()
  await admin?.raw(`DROP DATABASE IF EXISTS "${DB}"`).catch(() => {})
  await admin?.destroy()
})

describe("the listing gate in SQL", () => {
  it("gives the same reasons as evaluateListingGate for random products at random moments", async () => {
    const seed = Number(process.env.OCOP_GATE_SEED ?? Date.now() % 2 ** 31)
    console.log(`listing gate SQL/TS parity: seed ${seed} (replay with OCOP_GATE_SEED=${seed})`)
    const outcomes = { listed: 0, blocked: 0 }
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const id = await insert(s)
        const sql = (await sqlGateReasons(db as any, [id], s.at)).get(id)
        const ts = tsReasons(s)
        expect(sql, JSON.stringify(s)).toEqual(ts)
        outcomes[ts.length ? "blocked" : "listed"]++
      }),
      { seed, numRuns: 400 }
    )
    // Both verdicts occurred, so the comparison is not vacuous.
    expect(outcomes.listed).toBeGreaterThan(10)
    expect(outcomes.blocked).toBeGreaterThan(10)
  }, 120_000) // 400 cases of a few inserts each; a loaded CI machine needs more than the 5 s default

  it("installs once: a second call finds its version and changes nothing", async () => {
    expect(await installListingGateSql(db as any)).toEqual({
      installed: true,
      changed: false,
      missing: [],
      version: LISTING_GATE_SQL_VERSION,
    })
  })

  it("refuses a marketplace membership the gate does not allow, naming the product and the reason in both languages", async () => {
    await db("sales_channel").insert([
      { id: "sc_market", metadata: { ocop_role: "marketplace" } },
      { id: "sc_other", metadata: null },
    ])
    const id = await insert({
      product: "published",
      producers: [],
      certifications: [],
      at: new Date(),
      onBoundary: "none",
    })
    await db("product_sales_channel").insert({ product_id: id, sales_channel_id: "sc_other", id: "l1" })
    const refused = await db("product_sales_channel")
      .insert({ product_id: id, sales_channel_id: "sc_market", id: "l2" })
      .then(
        () => undefined,
        (e) => e
      )
    expect(refused?.code).toBe("23514")
    expect(refused?.constraint).toBe("ocop_listing_gate")
    expect(refused?.message).toContain(
      `không thể có mặt trên Chợ OCOP: sản phẩm chưa gắn với chủ thể OCOP; sản phẩm chưa có chứng nhận OCOP 3–5 sao được duyệt`
    )
    expect(refused?.message).toContain(
      `cannot be listed in the OCOP marketplace: the product has no OCOP producer; it has no approved 3–5★ OCOP certification`
    )
    const moved = await db("product_sales_channel")
      .where({ id: "l1" })
      .update({ sales_channel_id: "sc_market" })
      .then(
        () => undefined,
        (e) => e
      )
    expect(moved?.constraint).toBe("ocop_listing_gate")
    expect(await db("product_sales_channel").where({ sales_channel_id: "sc_market" })).toHaveLength(0)
  })
})
