import { CartWorkflowEvents, deduplicate, filterObjectByKeys, MathBN, simpleHash } from "@medusajs/framework/utils"
import { createWorkflow, parallelize, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createLineItemsStep,
  emitEventStep,
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
import { confirmStockStep, type StockedVariant } from "./steps/confirm-stock"
import {
  cartFieldsForPricingContext,
  findMatchingLineItem,
  getTranslatedTaxLinesStep,
  lineItemFieldsForMerging,
  prepareVariantsAndItemsWithPricesStep,
  productVariantsFields,
  upsertTaxLinesForItemsStep,
} from "../medusa-internals"

export type AddLineToCartInput = {
  cart_id: string
  items: Array<{ variant_id: string; quantity: number }>
  /** The cart was created empty in the same call (start-cart-with-line.ts): nothing to total or refresh yet. */
  new_cart?: boolean
}

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
  // the lines a new item may merge into (what Medusa's two merge steps each read again)
  ...lineItemFieldsForMerging.map((f) => `items.${f}`),
])
// A cart created empty a moment ago: no lines, totals, shipping methods, promotions or payment collection to read.
const EMPTY_CART_FACTS = ["item_total", "total", "shipping_methods.id", "promotions.id", "payment_collection.id"]
const newCartFields = cartFields.filter((f) => !EMPTY_CART_FACTS.includes(f) && !f.startsWith("items."))
// What a line is built from (Medusa's productVariantsFields) without the inventory levels, their locations and
// channels: only Medusa's inventory confirmation reads them, and steps/confirm-stock.ts reads those in one.
const variantFields = productVariantsFields.filter((f) => !f.startsWith("inventory_items.inventory.location_levels"))
type CartLine = { id: string; variant_id?: string | null; quantity: unknown; metadata?: unknown; unit_price?: unknown }
type NewLine = Record<string, unknown> & { variant_id?: string; quantity?: unknown; unit_price?: unknown }

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
  const openCart = when("ocop-open-cart", { input }, ({ input }) => !input.new_cart).then(() => {
    const { data } = useQueryGraphStep({
      entity: "cart",
      filters: { id: input.cart_id },
      fields: cartFields,
      options: { throwIfKeyNotFound: true, isList: false },
    }).config({ name: "get-cart" })
    return data
  })
  const newCart = when("ocop-new-cart", { input }, ({ input }) => !!input.new_cart).then(() => {
    const { data } = useQueryGraphStep({
      entity: "cart",
      filters: { id: input.cart_id },
      fields: newCartFields,
      options: { throwIfKeyNotFound: true, isList: false },
    }).config({ name: "get-new-cart" })
    return data
  })
  const cart = transform({ openCart, newCart }, ({ openCart, newCart }) =>
    newCart
      ? { ...(newCart as object), item_total: 0, total: 0, items: [], shipping_methods: [], promotions: [] }
      : (openCart as Record<string, unknown>)
  ) as unknown as { id: string; locale?: string | null } & Record<string, unknown>
  validateCartStep({ cart: cart as never })
  const variantIds = transform({ input }, ({ input }) => input.items.map((i) => i.variant_id).filter(Boolean))
  assertVariantsListedStep(variantIds)

  // Items added for a variant already in the cart are merged into its line: priced for the total quantity
  // (Medusa's getLineItemPricingQuantitiesStep, on the lines read with the cart).
  const itemsToPrice = transform({ items: input.items, cart }, ({ items, cart }) => {
    const lines = ((cart as { items?: Array<CartLine | null> }).items ?? []).filter((l): l is CartLine => !!l)
    const held = new Map<string, number>()
    return items.map((item) => {
      const line = findMatchingLineItem(
        lines.filter((l) => l.variant_id === item.variant_id),
        { metadata: undefined, unit_price: undefined, is_custom_price: false }
      )
      const before = line ? (held.get(line.id) ?? MathBN.convert(line.quantity as never).toNumber()) : 0
      if (line) held.set(line.id, before + item.quantity)
      return { ...item, quantity: before + item.quantity, in_cart: before }
    })
  })
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
    return itemsToPrice.map(({ in_cart: _, ...item }) => ({
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
    items: transform({ itemsToPrice }, ({ itemsToPrice }) => itemsToPrice.map(({ in_cart: _, ...item }) => item)),
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
  // Medusa's getLineItemActionsStep, on the lines read with the cart.
  const actions = transform({ lineItems, cart }, ({ lineItems, cart }) => {
    const lines = ((cart as { items?: Array<CartLine | null> }).items ?? [])
      .filter((l): l is CartLine => !!l)
      .map((l) => ({ ...l }))
    const itemsToCreate: NewLine[] = []
    const itemsToUpdate: Array<Record<string, unknown> & { id: string }> = []
    for (const item of lineItems as NewLine[]) {
      const existing = findMatchingLineItem(
        lines.filter((l) => l.variant_id === item.variant_id),
        item as never
      ) as (CartLine & { compare_at_unit_price?: unknown }) | undefined
      if (!existing) {
        itemsToCreate.push(item)
        continue
      }
      const quantity = MathBN.sum(existing.quantity as never, (item.quantity ?? 1) as never)
      existing.quantity = quantity
      const update = itemsToUpdate.find((u) => u.id === existing.id)
      if (update) update.quantity = quantity
      else
        itemsToUpdate.push({
          id: existing.id,
          quantity,
          variant_id: item.variant_id,
          unit_price: item.unit_price ?? existing.unit_price,
          compare_at_unit_price: item.compare_at_unit_price ?? existing.compare_at_unit_price,
        })
    }
    return { itemsToCreate, itemsToUpdate }
  })
  const itemsToCreate = transform({ actions }, ({ actions }) => actions.itemsToCreate)
  const itemsToUpdate = transform({ actions }, ({ actions }) => actions.itemsToUpdate)
  confirmStockStep(
    transform({ cart, variants, itemsToPrice }, ({ cart, variants, itemsToPrice }) => ({
      sales_channel_id: (cart as { sales_channel_id?: string | null }).sales_channel_id,
      variants: variants as StockedVariant[],
      lines: itemsToPrice.map((i) => ({ variant_id: i.variant_id, quantity: i.quantity, in_cart: i.in_cart })),
    }))
  )
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
  // What the add answers (api/store/ocop/carts/answer.ts): the lines read inside the lock, as changed.
  const answer = transform({ cart, createdLineItems, updatedLineItems }, (data) => {
    const quantities = new Map<string, unknown>()
    for (const l of (data.cart as { items?: Array<CartLine | null> }).items ?? [])
      if (l) quantities.set(l.id, l.quantity)
    for (const l of (data.updatedLineItems ?? []) as CartLine[]) quantities.set(l.id, l.quantity)
    for (const l of (data.createdLineItems ?? []) as CartLine[]) quantities.set(l.id, l.quantity)
    return {
      id: data.cart.id,
      completed_at: null,
      items: [...quantities].map(([id, quantity]) => ({ id, quantity: MathBN.convert(quantity as never).toNumber() })),
    }
  })
  return new WorkflowResponse({ cart_id: cart.id, cart: answer })
})
