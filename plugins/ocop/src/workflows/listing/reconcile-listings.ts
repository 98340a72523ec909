import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import { evaluateListings, type ListingEvaluation } from "../../lib/listing-evaluation"
import { refreshListingsWorkflow } from "./refresh-listings"
import { describeGateReasons } from "../../lib/listing-gate"
import { sqlGateReasons } from "../../lib/listing-gate-database"

const BATCH = 500

export type Repair = {
  product_id: string
  title: string | null
  was_in_marketplace: boolean
  row_listed: boolean | null
  should_list: boolean
  reasons: string[]
}

/** One sentence a person understands: which product, what was wrong, why, what was done. */
export function describeRepair(r: Repair): string {
  const name = `"${r.title ?? "?"}" (${r.product_id})`
  if (r.was_in_marketplace && !r.should_list) {
    return `${name} was shown in the marketplace although ${describeGateReasons(r.reasons as any)}; it was removed.`
  }
  if (!r.was_in_marketplace && r.should_list)
    return `${name} passes the listing gate but was not shown in the marketplace; it was listed.`
  return `${name}'s listing record said ${r.row_listed === null ? "nothing" : r.row_listed ? "listed" : "not listed"} but the gate says ${r.should_list ? "listed" : `not listed (${describeGateReasons(r.reasons as any)})`}; the record was corrected.`
}

/**
 * The safety net (hourly): compares every product's gate verdict with what the marketplace shows
 * (channel membership and the listing row) and repairs any difference. With the gate held by the
 * database and the 5-minute clock job, this should find nothing: each repair is an error-level
 * line naming the product and why. It also checks that the database copy of the rule
 * (listing-gate-sql.ts) agrees with listing-gate.ts for every product.
 */
export async function reconcileListings(container: any) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const products = container.resolve(Modules.PRODUCT)
  const ocop = container.resolve(OCOP_MODULE)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  let checked = 0
  const repairs: Repair[] = []
  const disagreements: string[] = []
  for (let offset = 0; ; offset += BATCH) {
    const page = await products.listProducts(
      {},
      { select: ["id", "title"], take: BATCH, skip: offset, order: { id: "ASC" } }
    )
    if (!page.length) break
    const ids = page.map((p: any) => p.id)
    const titles = new Map<string, string>(page.map((p: any) => [p.id, p.title]))
    const now = new Date()
    const [evaluations, rows, sql] = await Promise.all([
      evaluateListings(container, ids, now),
      ocop.listProductListings({ product_id: ids }, { select: ["product_id", "listed"] }),
      sqlGateReasons(pg, ids, now),
    ])
    const rowListed = new Map<string, boolean>(rows.map((r: any) => [r.product_id, r.listed]))
    for (const e of evaluations as ListingEvaluation[]) {
      const shouldList = e.exists && e.listed
      const row = rowListed.has(e.product_id) ? rowListed.get(e.product_id)! : null
      if (e.in_marketplace !== shouldList || row !== shouldList) {
        repairs.push({
          product_id: e.product_id,
          title: titles.get(e.product_id) ?? null,
          was_in_marketplace: e.in_marketplace,
          row_listed: row,
          should_list: shouldList,
          reasons: e.reasons,
        })
      }
      const sqlReasons = sql.get(e.product_id) ?? []
      if (sqlReasons.join() !== e.reasons.join()) {
        disagreements.push(e.product_id)
        logger.error(
          `OCOP listing gate: the database rule and listing-gate.ts disagree on "${titles.get(e.product_id)}" (${e.product_id}): SQL [${sqlReasons.join(", ")}], TypeScript [${e.reasons.join(", ")}]. Fix lib/listing-gate-sql.ts.`
        )
      }
    }
    checked += ids.length
  }
  const drifted = repairs.map((r) => r.product_id)
  for (let i = 0; i < drifted.length; i += BATCH) {
    await refreshListingsWorkflow(container).run({
      input: { product_ids: drifted.slice(i, i + BATCH), reason: "reconciliation" },
    })
  }
  for (const r of repairs) logger.error(`OCOP reconciliation repaired ${describeRepair(r)}`)
  if (repairs.length) {
    logger.error(
      `OCOP reconciliation: ${repairs.length} of ${checked} products did not match the listing gate and were repaired (see the lines above).`
    )
  } else {
    logger.info(`OCOP reconciliation: all ${checked} products match the listing gate.`)
  }
  return {
    checked,
    repaired: repairs.length,
    product_ids: drifted.slice(0, 100),
    repairs: repairs.slice(0, 100).map((r) => ({ ...r, message: describeRepair(r) })),
    sql_disagreements: disagreements.slice(0, 100),
  }
}
