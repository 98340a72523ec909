import path from "node:path"

/**
 * Pieces of Medusa 2.21.2's add-to-cart that its package does not export (its `exports` map names
 * only the root): the steps of the workflows it nests (pricing, inventory confirmation, tax
 * lines) and the fields they read.
 * Read from the same files Medusa's own addToCartWorkflow uses, so a line added by our workflow is
 * built exactly as Medusa builds it.
 * Checked by integration-tests/http/ocop/cart-lean-add.spec.ts; re-check when upgrading Medusa.
 */
const cartDist = path.join(path.dirname(require.resolve("@medusajs/core-flows")), "cart")
const load = (file: string) => require(path.join(cartDist, file))

type Step = (input: Record<string, unknown>) => Record<string, unknown>

/** Turns priced variants into line data (the last step of Medusa's getVariantsAndItemsWithPrices). */
export const prepareVariantsAndItemsWithPricesStep = load("workflows/get-variants-and-items-with-prices.js")
  .prepareVariantsAndItemsWithPricesStep as Step
export const upsertTaxLinesForItemsStep = load("steps/upsert-tax-lines-for-items.js").upsertTaxLinesForItemsStep as Step
export const getTranslatedTaxLinesStep = require(path.join(cartDist, "..", "common/steps/get-translated-tax-lines.js"))
  .getTranslatedTaxLinesStep as Step
/** What confirmInventoryStep needs, from the cart's sales channel, the variants and the lines. */
export const prepareConfirmInventoryInput = load("utils/prepare-confirm-inventory-input.js")
  .prepareConfirmInventoryInput as (data: { input: unknown }) => unknown
export const requiredVariantFieldsForInventoryConfirmation = load("utils/prepare-confirm-inventory-input.js")
  .requiredVariantFieldsForInventoryConfirmation as string[]
export const cartFieldsForPricingContext = load("utils/fields.js").cartFieldsForPricingContext as string[]
export const productVariantsFields = load("utils/fields.js").productVariantsFields as string[]
/** Which existing line a new item merges into, and the line fields that decides it on. */
export const findMatchingLineItem = load("utils/find-matching-line-item.js").findMatchingLineItem as <
  T extends { quantity?: unknown },
>(
  existing: T[] | undefined,
  item: { metadata?: unknown; unit_price?: unknown; is_custom_price?: boolean }
) => T | undefined
export const lineItemFieldsForMerging = load("utils/find-matching-line-item.js").lineItemFieldsForMerging as string[]
/** That a cart's sales channel exists and is enabled (the first check of Medusa's createCartWorkflow). */
export const validateSalesChannelStep = load("steps/validate-sales-channel.js").validateSalesChannelStep as Step
