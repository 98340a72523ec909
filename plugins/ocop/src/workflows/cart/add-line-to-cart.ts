import { CartWorkflowEvents, deduplicate, filterObjectByKeys, isDefined, simpleHash } from "@medusajs/framework/utils"
import { createWorkflow, parallelize, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  confirmInventoryStep,
  createLineItemsStep,
  emitEventStep,
  getLineItemActionsStep,
  getLineItemPricingQuantitiesStep,
  getItemTaxLinesStep,
  getTranslatedLineItemsStep,
  getVariantPriceSetsStep,
  refreshCartItemsWorkflow,
  releaseLockStep,
  updateLineItemsStep,
  useQueryGraphStep,
  validateCartStep,
  validateLineItemPricesStep,
} from "@medusajs/medusa/core-flows"
import { assertVariantsListedStep } from "./steps/assert-variants-listed"
import { cartRefreshNeededStep } from "./steps/cart-refresh-needed"
import {
  cartFieldsForPricingContext,
  getTranslatedTaxLinesStep,
  prepareConfirmInventoryInput,
  prepareVariantsAndItemsWithPricesStep,
  productVariantsFields,
  requiredVariantFieldsForInventoryConfirmation,
  upsertTaxLinesForItemsStep,
} from "./medusa-cart-internals"

export type AddLineToCartInput = { cart_id: string; items: Array<{ variant_id: string; quantity: number }> }

const cartFields = deduplicate([
  "completed_at",
  "locale",
  ...cartFieldsForPricingContext,
  // what decides whether the rest of Medusa's cart refresh can change anything (steps/cart-refresh-needed.ts)
  "shipping_methods.id",
  "promotions.id",
  "payment_collection.id",
  // what getItemTaxLinesStep reads of the cart for the new lines' tax lines (the lines are passed to it)
  "region.automatic_taxes",
  "customer.email",
  "customer.metadata",
  "shipping_address.address_1",
  "shipping_address.address_2",
  "shipping_address.metadata",
])
type LineAction = { variant_id?: string | null; data?: { variant_id?: string | null } }

const variantFields = deduplicate([...productVariantsFields, ...requiredVariantFieldsForInventoryConfirmation])

/**
 * A shopper adds products to a cart: Medusa 2.21.2's addToCartWorkflow step for step (same lock,
 * prices, merge into an existing line, inventory confirmation, line translations, tax lines, event),
 * with the listing gate as a step, minus the part of its cart refresh that cannot change anything yet:
 * shipping methods, promotions and the payment collection are refreshed (Medusa's whole
 * refreshCartItemsWorkflow) only when the cart has one of them or the store runs an automatic
 * promotion. Medusa's add takes ≈ 120 table scans, most in that refresh (bench/RESULTS.md).
 */
export const addLineToCartWorkflow = createWorkflow("ocop-add-line-to-cart", (input: AddLineToCartInput) => {
  acquireLockStep({ key: input.cart_id, timeout: 2, ttl: 10 })
  const { data: cart } = useQueryGraphStep({
    entity: "cart",
    filters: { id: input.cart_id },
    fields: cartFields,
    options: { throwIfKeyNotFound: true, isList: false },
  }).config({ name: "get-cart" })
  validateCartStep({ cart })
  const variantIds = transform({ input }, ({ input }) => input.items.map((i) => i.variant_id).filter(Boolean))
  assertVariantsListedStep(variantIds)

  // Items added for a variant already in the cart are merged into its line: priced for the total quantity.
  const pricingQuantities = getLineItemPricingQuantitiesStep({ id: input.cart_id, items: input.items })
  const itemsToPrice = transform({ items: input.items, pricingQuantities }, ({ items, pricingQuantities }) =>
    items.map((item, index) => ({ ...item, quantity: pricingQuantities[index] ?? item.quantity }))
  )
  // Medusa's getVariantsAndItemsWithPrices, its steps in this workflow (one transaction, not two).
  const pricingContext = transform({ cart, itemsToPrice }, ({ cart, itemsToPrice }) => {
    const c = cart as Record<string, unknown> & {
      customer?: unknown
      region?: { currency_code?: string } | null
      currency_code?: string
      region_id?: string
      customer_id?: string
    }
    const base = {
      ...filterObjectByKeys(c, cartFieldsForPricingContext),
      customer: c.customer,
      region: c.region,
      currency_code: c.currency_code ?? c.region?.currency_code,
      region_id: c.region_id,
      customer_id: c.customer_id,
    }
    return itemsToPrice.map((item) => ({
      id: simpleHash(JSON.stringify(item)),
      variantId: item.variant_id,
      context: { ...base, quantity: item.quantity, is_custom_price: false },
    }))
  })
  const { data: variants } = useQueryGraphStep({
    entity: "variants",
    fields: variantFields,
    filters: { id: variantIds },
  }).config({ name: "fetch-variants" })
  const calculatedPriceSets = getVariantPriceSetsStep({ data: pricingContext } as never)
  const { lineItems: pricedItems } = prepareVariantsAndItemsWithPricesStep({
    cart,
    items: itemsToPrice,
    variantsData: variants,
    calculatedPriceSets,
  })
  // Back to the added quantity: getLineItemActionsStep adds it to the existing line's.
  const lineItems = transform({ pricedItems, originalItems: input.items }, ({ pricedItems, originalItems }) =>
    (pricedItems as Array<{ data: Record<string, unknown> }>).map((item, index) => ({
      ...item.data,
      quantity: originalItems[index]?.quantity ?? item.data.quantity,
    }))
  )
  validateLineItemPricesStep({ items: lineItems as never })
  const { itemsToCreate = [], itemsToUpdate = [] } = getLineItemActionsStep({
    id: cart.id,
    items: lineItems as never,
  })
  const itemsToConfirmInventory = transform({ itemsToUpdate, itemsToCreate }, (data) =>
    (data.itemsToUpdate as LineAction[])
      .concat(data.itemsToCreate as LineAction[])
      .filter((item) => isDefined("data" in item ? item.data?.variant_id : item.variant_id))
  )
  const inventoryToConfirm = transform(
    { cart, variants, items: input.items, itemsToUpdate: itemsToConfirmInventory },
    ({ cart, variants, items, itemsToUpdate }) =>
      prepareConfirmInventoryInput({
        input: {
          sales_channel_id: (cart as { sales_channel_id?: string }).sales_channel_id,
          variants,
          items,
          itemsToUpdate,
        },
      })
  )
  confirmInventoryStep(inventoryToConfirm as never)
  const itemsToCreateVariants = transform({ itemsToCreate, variants }, ({ itemsToCreate, variants }) => {
    const byId = new Map((variants as Array<{ id: string }>).map((v) => [v.id, v]))
    return (itemsToCreate as Array<{ variant_id?: string }>)
      .map((item) => item.variant_id && byId.get(item.variant_id))
      .filter(Boolean)
  })
  const translatedItemsToCreate = getTranslatedLineItemsStep({
    items: itemsToCreate,
    variants: itemsToCreateVariants,
    locale: cart.locale,
  } as never)
  const [createdLineItems, updatedLineItems] = parallelize(
    createLineItemsStep({ id: cart.id, items: translatedItemsToCreate as never }),
    updateLineItemsStep({ id: cart.id, items: itemsToUpdate as never })
  )
  const changedItems = transform({ createdLineItems, updatedLineItems }, (data) =>
    (data.createdLineItems ?? []).concat(data.updatedLineItems ?? [])
  )

  const refreshNeeded = cartRefreshNeededStep(cart as never)
  when("ocop-refresh-whole-cart", { refreshNeeded }, ({ refreshNeeded }) => refreshNeeded).then(() => {
    refreshCartItemsWorkflow.runAsStep({ input: { cart_id: cart.id, items: changedItems } as never })
  })
  // Otherwise Medusa's upsertTaxLinesWorkflow for the changed lines, its steps in this workflow, with the
  // cart read at the start (the tax context is its address, region and customer, not its lines).
  when("ocop-tax-lines-of-changed-items", { refreshNeeded }, ({ refreshNeeded }) => !refreshNeeded).then(() => {
    const taxLines = getItemTaxLinesStep(
      transform({ cart, changedItems }, ({ cart, changedItems }) => ({
        orderOrCart: cart,
        items: changedItems,
        shipping_methods: [],
      })) as never
    )
    const translated = getTranslatedTaxLinesStep({
      itemTaxLines: taxLines.lineItemTaxLines,
      shippingTaxLines: taxLines.shippingMethodsTaxLines,
      locale: cart.locale,
    })
    upsertTaxLinesForItemsStep({
      cart,
      item_tax_lines: translated.itemTaxLines,
      shipping_tax_lines: translated.shippingTaxLines,
    })
  })

  parallelize(
    emitEventStep({ eventName: CartWorkflowEvents.UPDATED, data: { id: cart.id } }),
    releaseLockStep({ key: cart.id })
  )
  return new WorkflowResponse({ cart_id: cart.id })
})
