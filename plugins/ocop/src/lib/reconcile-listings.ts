import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../modules/ocop"
import { evaluateListings } from "../workflows/steps/evaluate-listings"
import { refreshListingsWorkflow } from "../workflows/listing/refresh-listings"

const BATCH = 500

/**
 * Compares every product's gate verdict with what the marketplace actually shows (channel
 * membership and the listing row) and repairs any difference. Returns what it found.
 */
export async function reconcileListings(container: any) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const products = container.resolve(Modules.PRODUCT)
  const ocop = container.resolve(OCOP_MODULE)
  let checked = 0
  const drifted: string[] = []
  for (let offset = 0; ; offset += BATCH) {
    const page = await products.listProducts({}, { select: ["id"], take: BATCH, skip: offset, order: { id: "ASC" } })
    if (!page.length) break
    const ids = page.map((p: any) => p.id)
    const evaluations = await evaluateListings(container, ids)
    const rows = await ocop.listProductListings({ product_id: ids }, { select: ["product_id", "listed"] })
    const rowListed = new Map(rows.map((r: any) => [r.product_id, r.listed]))
    for (const e of evaluations) {
      const shouldList = e.exists && e.listed
      if (e.in_marketplace !== shouldList || rowListed.get(e.product_id) !== shouldList) drifted.push(e.product_id)
    }
    checked += ids.length
  }
  for (let i = 0; i < drifted.length; i += BATCH) {
    await refreshListingsWorkflow(container).run({ input: { product_ids: drifted.slice(i, i + BATCH), reason: "reconciliation" } })
  }
  if (drifted.length) {
    logger.warn(`OCOP reconciliation: ${drifted.length} of ${checked} products did not match the listing gate and were repaired.`)
  } else {
    logger.info(`OCOP reconciliation: all ${checked} products match the listing gate.`)
  }
  return { checked, repaired: drifted.length, product_ids: drifted.slice(0, 100) }
}
