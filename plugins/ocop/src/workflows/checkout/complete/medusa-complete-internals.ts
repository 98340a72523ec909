import path from "node:path"

/**
 * Pieces of Medusa 2.21.2's completeCartWorkflow that its package does not export (its `exports`
 * map names only the root): how a cart's lines, tax lines and adjustments become an order's.
 * Read from the file Medusa's own completion uses, so an order placed by our completion is built
 * exactly as Medusa builds it. Checked by integration-tests/http/ocop/checkout-complete.spec.ts;
 * re-check when upgrading Medusa.
 */
const lineItemData = require(
  path.join(path.dirname(require.resolve("@medusajs/core-flows")), "cart", "utils", "prepare-line-item-data.js")
)

type Row = Record<string, unknown>

export const prepareLineItemData = lineItemData.prepareLineItemData as (data: {
  item: Row
  variant: Row | null | undefined
  cartId: string
  unitPrice: unknown
  isTaxInclusive: boolean | null | undefined
  taxLines: Row[]
  adjustments: Row[]
}) => Row & { adjustments?: Array<{ code?: string | null }> }
export const prepareTaxLinesData = lineItemData.prepareTaxLinesData as (data: Row[]) => Row[]
export const prepareAdjustmentsData = lineItemData.prepareAdjustmentsData as (
  data: Row[]
) => Array<Row & { code?: string | null }>

/** Medusa's registerUsageStep (promotion usage at completion), not exported from the package's root. */
export const registerUsageStep = require(
  path.join(path.dirname(require.resolve("@medusajs/core-flows")), "promotion", "steps", "register-usage.js")
).registerUsageStep as (input: unknown) => unknown
