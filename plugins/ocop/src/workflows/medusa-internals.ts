import path from "node:path"

/**
 * THE ONE PLACE WE LOAD MEDUSA'S UNEXPORTED INTERNALS. @medusajs/core-flows 2.21.2's `exports` map names
 * only its root, which does not export the pieces below; our lean add (cart/add-line-to-cart.ts), first
 * add (cart/start-cart-with-line.ts) and completion (checkout/complete/) use them so that a line, a
 * reservation and an order are built exactly as Medusa's own addToCartWorkflow, createCartWorkflow and
 * completeCartWorkflow build them. Files loaded, under node_modules/@medusajs/core-flows/dist/:
 *   cart/workflows/get-variants-and-items-with-prices.js  prepareVariantsAndItemsWithPricesStep
 *   cart/steps/upsert-tax-lines-for-items.js             upsertTaxLinesForItemsStep
 *   cart/steps/validate-sales-channel.js                 validateSalesChannelStep
 *   cart/utils/prepare-confirm-inventory-input.js        prepareConfirmInventoryInput
 *   cart/utils/fields.js                                 cartFieldsForPricingContext, productVariantsFields
 *   cart/utils/find-matching-line-item.js                findMatchingLineItem, lineItemFieldsForMerging
 *   cart/utils/prepare-line-item-data.js                 prepareLineItemData, prepareTaxLinesData,
 *                                                        prepareAdjustmentsData
 *   common/steps/get-translated-tax-lines.js             getTranslatedTaxLinesStep
 *   promotion/steps/register-usage.js                    registerUsageStep
 * RE-CHECK AT EVERY MEDUSA UPGRADE: that each file and name still exists, and that Medusa's workflows
 * still call them as ours do (diff the three workflows above against ours). A missing file or name fails
 * at boot here, not mid-checkout; the behaviour is checked by integration-tests/http/ocop/cart-lean-add,
 * cart-add-rules and checkout-complete specs.
 */
const dist = path.dirname(require.resolve("@medusajs/core-flows"))
const load = (file: string, name: string) => {
  const value = require(path.join(dist, file))[name]
  if (value === undefined)
    throw new Error(`@medusajs/core-flows/dist/${file} no longer has ${name} (medusa-internals.ts)`)
  return value
}

type Step = (input: Record<string, unknown>) => Record<string, unknown>
type Row = Record<string, unknown>

// --- add to cart (cart/add-line-to-cart.ts, cart/start-cart-with-line.ts)

/** Turns priced variants into line data (the last step of Medusa's getVariantsAndItemsWithPrices). */
export const prepareVariantsAndItemsWithPricesStep: Step = load(
  "cart/workflows/get-variants-and-items-with-prices.js",
  "prepareVariantsAndItemsWithPricesStep"
)
export const upsertTaxLinesForItemsStep: Step = load(
  "cart/steps/upsert-tax-lines-for-items.js",
  "upsertTaxLinesForItemsStep"
)
export const getTranslatedTaxLinesStep: Step = load(
  "common/steps/get-translated-tax-lines.js",
  "getTranslatedTaxLinesStep"
)
export const cartFieldsForPricingContext: string[] = load("cart/utils/fields.js", "cartFieldsForPricingContext")
export const productVariantsFields: string[] = load("cart/utils/fields.js", "productVariantsFields")
/** Which existing line a new item merges into, and the line fields that decides it on. */
export const findMatchingLineItem: <T extends { quantity?: unknown }>(
  existing: T[] | undefined,
  item: { metadata?: unknown; unit_price?: unknown; is_custom_price?: boolean }
) => T | undefined = load("cart/utils/find-matching-line-item.js", "findMatchingLineItem")
export const lineItemFieldsForMerging: string[] = load(
  "cart/utils/find-matching-line-item.js",
  "lineItemFieldsForMerging"
)
/** That a cart's sales channel exists and is enabled (the first check of Medusa's createCartWorkflow). */
export const validateSalesChannelStep: Step = load("cart/steps/validate-sales-channel.js", "validateSalesChannelStep")

// --- completion (checkout/complete/)

/** The reservations of a cart's lines, from its variants' items and levels in the cart's channel. */
export const prepareConfirmInventoryInput: (data: { input: unknown }) => unknown = load(
  "cart/utils/prepare-confirm-inventory-input.js",
  "prepareConfirmInventoryInput"
)
/** How a cart's lines, tax lines and adjustments become an order's (completeCartWorkflow's cartToOrder). */
export const prepareLineItemData: (data: {
  item: Row
  variant: Row | null | undefined
  cartId: string
  unitPrice: unknown
  isTaxInclusive: boolean | null | undefined
  taxLines: Row[]
  adjustments: Row[]
}) => Row & { adjustments?: Array<{ code?: string | null }> } = load(
  "cart/utils/prepare-line-item-data.js",
  "prepareLineItemData"
)
export const prepareTaxLinesData: (data: Row[]) => Row[] = load(
  "cart/utils/prepare-line-item-data.js",
  "prepareTaxLinesData"
)
export const prepareAdjustmentsData: (data: Row[]) => Array<Row & { code?: string | null }> = load(
  "cart/utils/prepare-line-item-data.js",
  "prepareAdjustmentsData"
)
/** Medusa's registerUsageStep (promotion usage at completion). */
export const registerUsageStep: (input: unknown) => unknown = load(
  "promotion/steps/register-usage.js",
  "registerUsageStep"
)
