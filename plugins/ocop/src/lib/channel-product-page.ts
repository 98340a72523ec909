/**
 * One page of a sales channel's products, and their exact count, straight from Postgres.
 *
 * Medusa 2.21.2's GET /store/products turns the publishable key's channel into
 * `id IN (…every product id of the channel…)` — 95,000 ids at 100k products, seconds per request.
 * Here the channel is an EXISTS on `product_sales_channel` instead, so Postgres walks the order's
 * index and stops after the page. Same meaning as Medusa's link filter (a live membership row) and
 * the same default filter (published, not deleted); the marketplace channel's memberships are the
 * listing gate's output (decision 005), so this is exactly the listed products.
 *
 * The page walks an index and stops; the count cannot (95,000 rows, 30–300 ms). Counts without a
 * selective filter are kept in `ocop_channel_page_count`, stamped with a generation that every
 * statement writing memberships or a product's status bumps in the same transaction; a count is
 * read only while its generation is current, and it is computed in the same snapshot as the
 * generation it is stored under, so it is always exact — never an estimate.
 * See docs/decisions/016-store-products-channel-filter.md.
 */
import crypto from "node:crypto"
import type { Sql } from "./listing-gate-database"
import { q } from "./listing-gate-sql"

/** Product columns a page can be filtered on (values: one or many, matched exactly). */
export const CHANNEL_PAGE_FILTER_COLUMNS = ["id", "handle", "title", "collection_id", "type_id", "external_id"] as const
export type ChannelPageFilterColumn = (typeof CHANNEL_PAGE_FILTER_COLUMNS)[number]

/** Product columns a page can be ordered by; `id` breaks ties so pages never overlap. */
export const CHANNEL_PAGE_ORDER_COLUMNS = ["id", "title", "handle", "subtitle", "created_at", "updated_at"] as const
export type ChannelPageOrderColumn = (typeof CHANNEL_PAGE_ORDER_COLUMNS)[number]

export type ChannelProductPageQuery = {
  channelIds: string[]
  filters: Partial<Record<ChannelPageFilterColumn, string[]>> & { is_giftcard?: boolean }
  order: { column: ChannelPageOrderColumn; direction: "ASC" | "DESC" }
  skip: number
  take: number
}

const isFilterColumn = (c: string): c is ChannelPageFilterColumn =>
  (CHANNEL_PAGE_FILTER_COLUMNS as readonly string[]).includes(c)
export const isChannelPageOrderColumn = (c: string): c is ChannelPageOrderColumn =>
  (CHANNEL_PAGE_ORDER_COLUMNS as readonly string[]).includes(c)

// Filters Medusa's chain itself adds or clears later; not the shopper's.
const CONTEXT_KEYS = new Set(["sales_channel_id", "region_id", "country_code", "province", "cart_id"])
const FILTER_COLUMNS = new Set<string>(CHANNEL_PAGE_FILTER_COLUMNS)

export const asStrings = (v: unknown): string[] | null =>
  typeof v === "string" ? [v] : Array.isArray(v) && v.every((x) => typeof x === "string") ? v : null

/** The SQL page's filters for these filterable fields, or null when one of them is not covered. */
export function channelPageFilters(fields: Record<string, unknown>): ChannelProductPageQuery["filters"] | null {
  const filters: ChannelProductPageQuery["filters"] = {}
  for (const [key, value] of Object.entries(fields)) {
    if (CONTEXT_KEYS.has(key) || value === undefined) continue
    if (key === "status" && value === "published") continue
    if (key === "is_giftcard" && typeof value === "boolean") {
      filters.is_giftcard = value
      continue
    }
    const values = FILTER_COLUMNS.has(key) ? asStrings(value) : null
    if (!values) return null
    filters[key as keyof typeof filters] = values as never
  }
  return filters
}

/** `{ created_at: "DESC" }` → the SQL page's order; null for nested or several keys. */
export function channelPageOrder(order: unknown): ChannelProductPageQuery["order"] | null {
  if (order == null) return { column: "id", direction: "ASC" } // Medusa's default order
  if (typeof order !== "object") return null
  const entries = Object.entries(order as Record<string, unknown>)
  if (entries.length !== 1) return null
  const [column, direction] = entries[0]
  const dir = typeof direction === "string" ? direction.toUpperCase() : ""
  if (!isChannelPageOrderColumn(column) || (dir !== "ASC" && dir !== "DESC")) return null
  return { column, direction: dir }
}

function whereClause(query: ChannelProductPageQuery): { sql: string; bindings: unknown[] } {
  // Arrays travel as JSON: knex expands an array binding into a comma list.
  const parts = [
    "p.deleted_at IS NULL",
    "p.status = 'published'",
    `EXISTS (SELECT 1 FROM product_sales_channel psc
              WHERE psc.product_id = p.id AND psc.deleted_at IS NULL
                AND psc.sales_channel_id IN (SELECT jsonb_array_elements_text(?::jsonb)))`,
  ]
  const bindings: unknown[] = [JSON.stringify(query.channelIds)]
  for (const [column, values] of Object.entries(query.filters)) {
    if (column === "is_giftcard") {
      parts.push("p.is_giftcard = ?")
      bindings.push(values)
    } else if (isFilterColumn(column) && Array.isArray(values)) {
      parts.push(`p.${column} IN (SELECT jsonb_array_elements_text(?::jsonb))`)
      bindings.push(JSON.stringify(values))
    }
  }
  return { sql: parts.join(" AND "), bindings }
}

const CHANNEL_PAGE_SQL = `
CREATE TABLE IF NOT EXISTS ocop_channel_page_generation (id int PRIMARY KEY, gen bigint NOT NULL);
CREATE TABLE IF NOT EXISTS ocop_channel_page_count (key text PRIMARY KEY, gen bigint NOT NULL, n int NOT NULL);
INSERT INTO ocop_channel_page_generation (id, gen) VALUES (1, 1) ON CONFLICT (id) DO NOTHING;
CREATE OR REPLACE FUNCTION ocop_bump_channel_page_generation()
RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO ocop_channel_page_generation (id, gen) VALUES (1, 1)
  ON CONFLICT (id) DO UPDATE SET gen = ocop_channel_page_generation.gen + 1;
  RETURN NULL;
END
$fn$;
DROP TRIGGER IF EXISTS ocop_channel_page_membership ON product_sales_channel;
CREATE TRIGGER ocop_channel_page_membership AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON product_sales_channel
  FOR EACH STATEMENT EXECUTE FUNCTION ocop_bump_channel_page_generation();
DROP TRIGGER IF EXISTS ocop_channel_page_product ON product;
CREATE TRIGGER ocop_channel_page_product AFTER UPDATE OF status, deleted_at OR DELETE OR TRUNCATE ON product
  FOR EACH STATEMENT EXECUTE FUNCTION ocop_bump_channel_page_generation();
-- Newest first is the storefront's order; without it page 1 sorts every listed product.
CREATE INDEX IF NOT EXISTS "IDX_ocop_product_created_at" ON product (created_at, id) WHERE deleted_at IS NULL;
`
const sqlHash = crypto.createHash("sha256").update(CHANNEL_PAGE_SQL).digest("hex").slice(0, 16)
export const CHANNEL_PAGE_SQL_VERSION = `ocop-channel-page ${sqlHash}`

/** Installs the count cache, its triggers and the order index; cheap when current. */
export async function installChannelPageSql(db: Sql): Promise<boolean> {
  return db.transaction(async (trx) => {
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('ocop_channel_page_install'))`)
    const current = await trx.raw(
      `SELECT obj_description(to_regprocedure('ocop_bump_channel_page_generation()'), 'pg_proc') AS version`
    )
    if (current.rows[0]?.version === CHANNEL_PAGE_SQL_VERSION) return false
    await trx.raw(CHANNEL_PAGE_SQL)
    await trx.raw(`COMMENT ON FUNCTION ocop_bump_channel_page_generation() IS ${q(CHANNEL_PAGE_SQL_VERSION)}`)
    return true
  })
}

async function exactCount(
  db: Pick<Sql, "raw">,
  query: ChannelProductPageQuery,
  where: { sql: string; bindings: unknown[] }
) {
  const counting = `SELECT count(*)::int FROM product p WHERE ${where.sql}`
  // Only the whole channel's count is kept: filters chosen by clients would grow the table without
  // bound, and the filtered counts go through an index (id, handle, collection, type).
  if (Object.keys(query.filters).length)
    return (await db.raw(`SELECT (${counting}) AS n`, where.bindings)).rows[0]?.n ?? 0
  const key = JSON.stringify([...query.channelIds].sort())
  const cached = await db.raw(
    `SELECT c.n FROM ocop_channel_page_count c JOIN ocop_channel_page_generation g ON g.id = 1 AND g.gen = c.gen
      WHERE c.key = ?`,
    [key]
  )
  if (cached.rows.length) return cached.rows[0].n as number
  // A generation row lost to a TRUNCATE (tests) starts again at 1: counts stored before are dropped.
  await db.raw(
    `WITH g AS (INSERT INTO ocop_channel_page_generation (id, gen) VALUES (1, 1)
                ON CONFLICT (id) DO NOTHING RETURNING 1)
     DELETE FROM ocop_channel_page_count WHERE EXISTS (SELECT 1 FROM g)`
  )
  // One statement = one snapshot: the count belongs to the generation it is stored under.
  const fresh = await db.raw(
    `WITH fresh AS (
       SELECT g.gen, (${counting}) AS n FROM (SELECT 1) one LEFT JOIN ocop_channel_page_generation g ON g.id = 1),
     stored AS (
       INSERT INTO ocop_channel_page_count (key, gen, n) SELECT ?, gen, n FROM fresh WHERE gen IS NOT NULL
       ON CONFLICT (key) DO UPDATE SET gen = EXCLUDED.gen, n = EXCLUDED.n
        WHERE ocop_channel_page_count.gen < EXCLUDED.gen
       RETURNING 1)
     SELECT n FROM fresh`,
    [...where.bindings, key]
  )
  return (fresh.rows[0]?.n as number) ?? 0
}

/** The page's product ids in order, and how many products match in all (exact). */
export async function channelProductPage(
  db: Pick<Sql, "raw">,
  query: ChannelProductPageQuery
): Promise<{ ids: string[]; count: number }> {
  if (!query.channelIds.length) return { ids: [], count: 0 }
  const where = whereClause(query)
  const { column, direction } = query.order
  const tieBreak = column === "id" ? "" : `, p.id ${direction}`
  const order = `ORDER BY p.${column} ${direction}${tieBreak}`
  if (pageHoldsEveryMatch(query)) {
    // A product page's `?handle=` (or a list of ids): the first page holds all matches, so its
    // length is the exact count, without a second statement. No LIMIT either: with one, Postgres
    // walked the order's index through every product to find the few matches (70 ms at 100k for
    // `?id[]=…&limit=1`, against 0.3 ms without).
    const { rows } = await db.raw(`SELECT p.id FROM product p WHERE ${where.sql} ${order}`, where.bindings)
    const ids = rows.map((r) => r.id as string)
    return { ids, count: ids.length }
  }
  const readPage = () =>
    db.raw(`SELECT p.id FROM product p WHERE ${where.sql} ${order} LIMIT ? OFFSET ?`, [
      ...where.bindings,
      query.take,
      query.skip,
    ])
  // Two statements on two pool connections, in parallel: the page stops early, the count does not.
  const [page, total] = await Promise.all([readPage(), exactCount(db, query, where)])
  return { ids: page.rows.map((r) => r.id as string), count: total }
}

/** Whether the first page holds every match: a unique key (id, handle) with no more values than the page. */
function pageHoldsEveryMatch(query: ChannelProductPageQuery): boolean {
  if (query.skip !== 0) return false
  return [query.filters.id, query.filters.handle].some((values) => !!values && values.length <= query.take)
}

/**
 * Each variant's `inventory_quantity` in a sales channel, as Medusa's getVariantAvailability
 * computes it (utils/product/get-variant-availability): per inventory item, the available quantity
 * (stocked − reserved) summed over the channel's stock locations, divided by the quantity the
 * variant needs and floored; the variant's figure is the least of its items, null without items.
 * One statement instead of two query graphs that load every level as an entity (30–150 ms under
 * load for a page of 20). A variant whose link asks for a quantity ≤ 0 (Medusa divides by it) is
 * left out: the caller computes it Medusa's way.
 */
export async function channelVariantAvailability(
  db: Pick<Sql, "raw">,
  channelId: string,
  variantIds: string[]
): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>()
  if (!variantIds.length) return out
  const { rows } = await db.raw(
    `SELECT v.id,
            min(floor(coalesce(lv.available, 0) / pvii.required_quantity))::text AS availability,
            bool_or(pvii.required_quantity <= 0) AS unusual
       FROM (SELECT jsonb_array_elements_text(?::jsonb) AS id) v
       LEFT JOIN product_variant_inventory_item pvii ON pvii.variant_id = v.id AND pvii.deleted_at IS NULL
       LEFT JOIN LATERAL (
         SELECT sum(il.stocked_quantity - il.reserved_quantity) AS available
           FROM inventory_item ii
           JOIN inventory_level il ON il.inventory_item_id = ii.id AND il.deleted_at IS NULL
           JOIN sales_channel_stock_location scl ON scl.stock_location_id = il.location_id
                AND scl.sales_channel_id = ? AND scl.deleted_at IS NULL
          WHERE ii.id = pvii.inventory_item_id AND ii.deleted_at IS NULL) lv ON pvii.variant_id IS NOT NULL
      GROUP BY v.id`,
    [JSON.stringify(variantIds), channelId]
  )
  for (const row of rows as Array<{ id: string; availability: string | null; unusual: boolean | null }>) {
    if (row.unusual) continue
    out.set(row.id, row.availability === null ? null : Number(row.availability))
  }
  return out
}

/** Each variant's price set (Medusa's product_variant_price_set link), by variant id. */
export async function variantPriceSets(db: Pick<Sql, "raw">, variantIds: string[]): Promise<Map<string, string>> {
  if (!variantIds.length) return new Map()
  const { rows } = await db.raw(
    `SELECT variant_id, price_set_id FROM product_variant_price_set
      WHERE variant_id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL`,
    [JSON.stringify(variantIds)]
  )
  return new Map(
    (rows as Array<{ variant_id: string; price_set_id: string }>).map((r) => [r.variant_id, r.price_set_id])
  )
}
