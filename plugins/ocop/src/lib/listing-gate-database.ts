/**
 * The listing gate's SQL at run time: installing it, asking it for reasons, reading its refusals.
 * The SQL itself and why it exists: listing-gate-sql.ts.
 */
import {
  GATE_CONSTRAINT,
  q,
  GATE_SQLSTATE,
  GATE_TABLES,
  LISTING_GATE_SQL_VERSION,
  LISTING_GATE_SQL,
} from "./listing-gate-sql"
import type { GateReason } from "./listing-gate"
import { MARKETPLACE_CHANNEL_ROLE } from "./marketplace-channel"

// Arrays travel as JSON: knex expands an array binding into a comma list.
/** The subset of knex we use (Medusa's PG_CONNECTION is a knex instance). */
export type Sql = {
  raw(sql: string, bindings?: readonly unknown[]): Promise<{ rows: any[] }>
  transaction<T>(fn: (trx: Sql) => Promise<T>): Promise<T>
}

export type InstallResult = { installed: boolean; changed: boolean; missing: string[]; version: string }

/**
 * Installs (or upgrades) the SQL gate. Idempotent and cheap when current: one advisory lock and a
 * comment lookup, so every process can call it at boot. Returns missing tables instead of failing
 * when called before `medusa db:migrate` has created them.
 */
export async function installListingGateSql(db: Sql): Promise<InstallResult> {
  const { rows } = await db.raw(
    `SELECT t AS name FROM jsonb_array_elements_text(?::jsonb) AS t WHERE to_regclass(t) IS NULL`,
    [JSON.stringify(GATE_TABLES)]
  )
  const missing = rows.map((r) => r.name as string)
  if (missing.length) return { installed: false, changed: false, missing, version: LISTING_GATE_SQL_VERSION }
  return db.transaction(async (trx) => {
    // Several processes may boot at once (server + worker): one installs, the others see it done.
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('ocop_listing_gate_install'))`)
    const current = await trx.raw(
      `SELECT obj_description(to_regprocedure('ocop_listing_gate_reasons(text,timestamptz)'), 'pg_proc') AS version`
    )
    if (current.rows[0]?.version === LISTING_GATE_SQL_VERSION) {
      return { installed: true, changed: false, missing: [], version: LISTING_GATE_SQL_VERSION }
    }
    await trx.raw(LISTING_GATE_SQL)
    await trx.raw(`COMMENT ON FUNCTION ocop_listing_gate_reasons(text, timestamptz) IS ${q(LISTING_GATE_SQL_VERSION)}`)
    return { installed: true, changed: true, missing: [], version: LISTING_GATE_SQL_VERSION }
  })
}

/** The SQL gate's reasons for many products at once (reconciliation, tests). */
export async function sqlGateReasons(
  db: Pick<Sql, "raw">,
  productIds: string[],
  at?: Date
): Promise<Map<string, GateReason[]>> {
  if (!productIds.length) return new Map()
  const { rows } = await db.raw(
    `SELECT id, ocop_listing_gate_reasons(id, coalesce(?::timestamptz, now())) AS reasons FROM jsonb_array_elements_text(?::jsonb) AS id`,
    [at ? at.toISOString() : null, JSON.stringify(productIds)]
  )
  return new Map(rows.map((r) => [r.id as string, r.reasons as GateReason[]]))
}

/** Is the database's answer to "is this the marketplace channel?" yes for every id, and is there exactly one? */
export async function isOnlyMarketplaceChannel(db: Pick<Sql, "raw">, channelIds: string[]): Promise<boolean> {
  if (channelIds.length !== 1) return false
  const { rows } = await db.raw(`SELECT ocop_is_marketplace_channel(?) AS ok`, [channelIds[0]])
  return rows[0]?.ok === true
}

/** Finds the gate's refusal in an error, whatever wrapped it (MikroORM, a workflow, knex). */
export function gateRefusalMessage(error: unknown): string | undefined {
  const seen = new Set<unknown>()
  let e: any = error
  for (let depth = 0; e && typeof e === "object" && depth < 6 && !seen.has(e); depth++) {
    seen.add(e)
    if (
      e.constraint === GATE_CONSTRAINT ||
      (e.code === GATE_SQLSTATE && /Chợ OCOP|OCOP marketplace/.test(String(e.message)))
    ) {
      const message = String(e.message ?? "")
      // MikroORM prefixes the statement: keep Postgres's own sentence.
      const at = message.search(/"[^"]*" \([^)]*\) không thể|Khoá công khai/)
      return at >= 0 ? message.slice(at) : message
    }
    e = e.cause ?? e.previous ?? e.originalError
  }
  return undefined
}

export type CatchUp = { product_id: string; kind: "delisted_by_database" | "became_valid" }

/**
 * What the clock and outside writers leave for the OCOP workflows to finish (run by the expiry
 * job every few minutes): listing rows that still say "listed" after the database gate removed the
 * membership, and products whose certificate became valid recently but that are not listed yet.
 */
export async function listingsToCatchUp(db: Pick<Sql, "raw">): Promise<CatchUp[]> {
  const { rows } = await db.raw(
    `WITH m AS (SELECT id FROM sales_channel WHERE deleted_at IS NULL AND metadata->>'ocop_role' = ? LIMIT 1)
     SELECT l.product_id, 'delisted_by_database' AS kind
       FROM ocop_product_listing l
      WHERE l.listed AND l.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM product_sales_channel psc, m
                         WHERE psc.product_id = l.product_id AND psc.sales_channel_id = m.id AND psc.deleted_at IS NULL)
     UNION
     SELECT DISTINCT c.product_id, 'became_valid' AS kind
       FROM ocop_certification c
      WHERE c.status = 'approved' AND c.deleted_at IS NULL
        AND c.valid_from <= now() AND c.valid_from > now() - interval '2 days' AND c.expires_at > now()
        AND NOT EXISTS (SELECT 1 FROM product_sales_channel psc, m
                         WHERE psc.product_id = c.product_id AND psc.sales_channel_id = m.id AND psc.deleted_at IS NULL)
        AND ocop_product_is_listable(c.product_id)`,
    [MARKETPLACE_CHANNEL_ROLE]
  )
  return rows as CatchUp[]
}
