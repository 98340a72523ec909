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

type Step = (input: any) => any

/** Turns priced variants into line data (the last step of Medusa's getVariantsAndItemsWithPrices). */
export const prepareVariantsAndItemsWithPricesStep = load("workflows/get-variants-and-items-with-prices.js")
  .prepareVariantsAndItemsWithPricesStep as Step
export const upsertTaxLinesForItemsStep = load("steps/upsert-tax-lines-for-items.js").upsertTaxLinesForItemsStep as Step
export const getTranslatedTaxLinesStep = require(path.join(cartDist, "..", "common/steps/get-translated-tax-lines.js"))
  .getTranslatedTaxLinesStep as Step
/** What confirmInventoryStep needs, from the cart's sales channel, the variants and the lines. */
export const prepareConfirmInventoryInput = load("utils/prepare-confirm-inventory-input.js")
  .prepareConfirmInventoryInput as (data: { input: unknown }) => any
export const requiredVariantFieldsForInventoryConfirmation = load("utils/prepare-confirm-inventory-input.js")
  .requiredVariantFieldsForInventoryConfirmation as string[]
export const cartFieldsForPricingContext = load("utils/fields.js").cartFieldsForPricingContext as string[]
export const productVariantsFields = load("utils/fields.js").productVariantsFields as string[]

/** The cart fields Medusa's upsertTaxLinesWorkflow reads to compute tax lines (not exported there). */
export const cartFieldsForTaxLines = [
  "id",
  "locale",
  "currency_code",
  "email",
  "region.id",
  "region.automatic_taxes",
  "items.id",
  "items.variant_id",
  "items.product_id",
  "items.product.is_giftcard",
  "items.product_title",
  "items.product_description",
  "items.product_subtitle",
  "items.product_type",
  "items.product_type_id",
  "items.product_collection",
  "items.product_handle",
  "items.variant_sku",
  "items.variant_barcode",
  "items.variant_title",
  "items.title",
  "items.quantity",
  "items.unit_price",
  "items.tax_lines.id",
  "items.tax_lines.description",
  "items.tax_lines.code",
  "items.tax_lines.rate",
  "items.tax_lines.provider_id",
  "shipping_methods.tax_lines.id",
  "shipping_methods.tax_lines.description",
  "shipping_methods.tax_lines.code",
  "shipping_methods.tax_lines.rate",
  "shipping_methods.tax_lines.provider_id",
  "shipping_methods.shipping_option_id",
  "shipping_methods.amount",
  "customer.id",
  "customer.email",
  "customer.metadata",
  "customer.groups.id",
  "shipping_address.id",
  "shipping_address.address_1",
  "shipping_address.address_2",
  "shipping_address.city",
  "shipping_address.postal_code",
  "shipping_address.country_code",
  "shipping_address.region_code",
  "shipping_address.province",
  "shipping_address.metadata",
]
