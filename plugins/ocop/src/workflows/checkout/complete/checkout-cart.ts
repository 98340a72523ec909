import { Modules, OrderStatus } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../../modules/ocop"
import type { ChannelStockRow } from "../../../lib/channel-stock"
import { PRODUCER_OPTION_KEY, type PartShipping, shippingByProducer } from "../../../lib/delivery-rates"
import { prepareAdjustmentsData, prepareLineItemData, prepareTaxLinesData } from "../../medusa-internals"

type Row = Record<string, unknown>
type Amount = number | string | { numeric?: unknown; value?: unknown } | null | undefined

export type CheckoutLine = Row & {
  id: string
  variant_id?: string | null
  quantity: Amount
  unit_price: Amount
  is_tax_inclusive?: boolean | null
  tax_lines?: Row[] | null
  adjustments?: Array<Row & { code?: string | null; amount?: Amount }> | null
  variant?:
    | (Row & {
        id: string
        manage_inventory?: boolean | null
        allow_backorder?: boolean | null
        inventory_items?: Array<{ inventory_item_id?: string | null } | null> | null
        product?: (Row & { id: string; producer?: { id: string } | null }) | null
      })
    | null
}

export type CheckoutShippingMethod = Row & {
  id: string
  name: string
  amount: Amount
  raw_amount?: unknown
  shipping_option_id?: string | null
  tax_lines?: Row[] | null
  adjustments?: Array<Row & { code?: string | null; amount?: Amount }> | null
  shipping_option?: { id?: string; shipping_profile_id?: string | null; data?: Row | null } | null
}

/** The cart as the completion reads it: once, inside the cart's lock (place-order.ts). */
export type CheckoutCartToComplete = {
  id: string
  completed_at?: string | Date | null
  currency_code: string
  email?: string | null
  locale?: string | null
  metadata?: Row | null
  region_id?: string | null
  customer_id?: string | null
  sales_channel_id?: string | null
  total: Amount
  customer?: { id: string; has_account?: boolean | null } | null
  order?: { id: string } | null
  items?: Array<CheckoutLine | null> | null
  shipping_methods?: Array<CheckoutShippingMethod | null> | null
  shipping_address?: (Row & { id?: string }) | null
  billing_address?: (Row & { id?: string }) | null
  credit_lines?: Array<Row & { amount: Amount; raw_amount?: unknown }> | null
  payment_collection?: (Row & { id: string; payment_sessions?: Array<Row | null> | null }) | null
  promotions?: Array<{ id: string } | null> | null
}

/**
 * What completing a cart needs, and only that: Medusa's completion reads the cart with every total,
 * the customer and region records and each line's stock levels down to the stock locations' sales
 * channels (completeCartFields, ≈ 27 statements); the stock is read once, under the items' checkout
 * locks (place-order.ts), and the region and customer by id. The producer of each product and the
 * producer of each chosen delivery option come along, so the order is split as it is placed.
 */
export const CHECKOUT_CART_FIELDS = [
  "id",
  "completed_at",
  "currency_code",
  "email",
  "locale",
  "metadata",
  "region_id",
  "customer_id",
  "sales_channel_id",
  "total",
  "customer.id",
  "customer.has_account",
  "order.id",
  "items.*",
  "items.tax_lines.*",
  "items.adjustments.*",
  "items.variant.id",
  "items.variant.manage_inventory",
  "items.variant.allow_backorder",
  "items.variant.inventory_items.inventory_item_id",
  // read by Medusa's prepareLineItemData whatever the line says
  "items.variant.inventory_items.inventory.requires_shipping",
  "items.variant.product.id",
  "items.variant.product.is_giftcard",
  "items.variant.product.shipping_profile.id",
  "items.variant.product.producer.id",
  "shipping_methods.*",
  "shipping_methods.tax_lines.*",
  "shipping_methods.adjustments.*",
  "shipping_methods.shipping_option.id",
  "shipping_methods.shipping_option.shipping_profile_id",
  "shipping_methods.shipping_option.data",
  "shipping_address.*",
  "billing_address.*",
  "credit_lines.*",
  "payment_collection.*",
  "payment_collection.payment_sessions.*",
  "promotions.id",
]

const present = <T>(rows: Array<T | null> | null | undefined): T[] => (rows ?? []).filter((r): r is T => !!r)

/** The inventory items whose stock the cart takes: its stocked, not back-ordered lines' (the checkout locks). */
export function stockedInventoryItemIds(cart: CheckoutCartToComplete): string[] {
  const ids = present(cart.items).flatMap((item) =>
    item.variant?.manage_inventory && !item.variant.allow_backorder
      ? present(item.variant.inventory_items).flatMap((ii) => (ii.inventory_item_id ? [ii.inventory_item_id] : []))
      : []
  )
  return [...new Set(ids)].sort()
}

/** The variants whose stock Medusa reserves at completion: the lines' variants with managed inventory. */
export function managedVariantIds(cart: CheckoutCartToComplete): string[] {
  const ids = present(cart.items).flatMap((item) =>
    item.variant?.manage_inventory && item.variant_id ? [item.variant_id] : []
  )
  return [...new Set(ids)]
}

/**
 * The managed variants in the shape Medusa's prepareConfirmInventoryInput reads
 * (requiredVariantFieldsForInventoryConfirmation), from the channel's stock rows (lib/channel-stock.ts):
 * every level given is at a location of the cart's channel, which is all the reservation may use.
 */
export function variantsForReservation(cart: CheckoutCartToComplete, stock: ChannelStockRow[]) {
  const channel = cart.sales_channel_id ? [{ id: cart.sales_channel_id }] : []
  const variants = new Map<string, ReservationVariant>()
  for (const item of present(cart.items)) {
    if (!item.variant?.manage_inventory || !item.variant_id || variants.has(item.variant_id)) continue
    variants.set(item.variant_id, {
      id: item.variant_id,
      manage_inventory: true,
      allow_backorder: !!item.variant.allow_backorder,
      inventory_items: [],
    })
  }
  for (const r of stock) {
    const variant = variants.get(r.variant_id)
    if (!variant) continue
    let inventoryItem = variant.inventory_items.find((ii) => ii.inventory_item_id === r.inventory_item_id)
    if (!inventoryItem) {
      inventoryItem = {
        inventory_item_id: r.inventory_item_id,
        variant_id: r.variant_id,
        required_quantity: Number(r.required_quantity ?? 1),
        inventory: { location_levels: [] },
      }
      variant.inventory_items.push(inventoryItem)
    }
    if (r.location_id) {
      inventoryItem.inventory.location_levels.push({
        location_id: r.location_id,
        stocked_quantity: r.stocked_quantity ?? 0,
        reserved_quantity: r.reserved_quantity ?? 0,
        stock_locations: [{ id: r.location_id, sales_channels: channel }],
      })
    }
  }
  return [...variants.values()]
}

type ReservationVariant = {
  id: string
  manage_inventory: boolean
  allow_backorder: boolean
  inventory_items: Array<{
    inventory_item_id: string
    variant_id: string
    required_quantity: number
    inventory: {
      location_levels: Array<{
        location_id: string
        stocked_quantity: number | string
        reserved_quantity: number | string
        stock_locations: Array<{ id: string; sales_channels: Array<{ id: string }> }>
      }>
    }
  }>
}

/** The order Medusa's completeCartWorkflow would create from this cart (its `cartToOrder`, same helpers). */
export function orderInputFromCart(cart: CheckoutCartToComplete) {
  const items = present(cart.items).map((item) =>
    prepareLineItemData({
      item,
      variant: item.variant,
      cartId: cart.id,
      unitPrice: item.unit_price,
      isTaxInclusive: item.is_tax_inclusive,
      taxLines: item.tax_lines ?? [],
      adjustments: item.adjustments ?? [],
    })
  )
  const shippingMethods = present(cart.shipping_methods).map((sm) => ({
    name: sm.name,
    description: sm.description,
    amount: sm.raw_amount ?? sm.amount,
    is_tax_inclusive: sm.is_tax_inclusive,
    shipping_option_id: sm.shipping_option_id,
    data: sm.data,
    metadata: sm.metadata,
    tax_lines: prepareTaxLinesData(sm.tax_lines ?? []),
    adjustments: prepareAdjustmentsData(sm.adjustments ?? []),
  }))
  const promoCodes = [
    ...items.flatMap((i) => i.adjustments ?? []),
    ...shippingMethods.flatMap((sm) => sm.adjustments),
  ].flatMap((a) => (a.code ? [a.code] : []))
  const address = (a: CheckoutCartToComplete["shipping_address"]) => {
    if (!a) return null
    const { id: _id, ...rest } = a
    return rest
  }
  return {
    region_id: cart.region_id,
    customer_id: cart.customer?.id ?? cart.customer_id,
    sales_channel_id: cart.sales_channel_id,
    status: OrderStatus.PENDING,
    email: cart.email,
    currency_code: cart.currency_code,
    locale: cart.locale,
    shipping_address: address(cart.shipping_address),
    billing_address: address(cart.billing_address),
    no_notification: false,
    items,
    shipping_methods: shippingMethods,
    metadata: cart.metadata,
    promo_codes: promoCodes,
    credit_lines: present(cart.credit_lines).map((c) => ({
      amount: c.amount,
      raw_amount: c.raw_amount,
      reference: c.reference,
      reference_id: c.reference_id,
      metadata: c.metadata,
    })),
  }
}

/** The producers whose products the cart holds: the order's parts (decision 004). */
export function producersOfCart(cart: CheckoutCartToComplete): string[] {
  const ids = present(cart.items).flatMap((i) =>
    i.variant?.product?.producer?.id ? [i.variant.product.producer.id] : []
  )
  return [...new Set(ids)]
}

/**
 * The links a placed order gets: its cart, its promotions and its payment collection (as Medusa's
 * completion links them), and each producer whose products it holds (the split, decision 004).
 */
export function orderLinks(cart: CheckoutCartToComplete, orderId: string) {
  const order = { [Modules.ORDER]: { order_id: orderId } }
  return [
    { ...order, [Modules.CART]: { cart_id: cart.id } },
    ...present(cart.promotions).map((p) => ({ ...order, [Modules.PROMOTION]: { promotion_id: p.id } })),
    ...(cart.payment_collection?.id
      ? [{ ...order, [Modules.PAYMENT]: { payment_collection_id: cart.payment_collection.id } }]
      : []),
    ...producersOfCart(cart).map((producer_id) => ({ ...order, [OCOP_MODULE]: { producer_id } })),
  ]
}

/** What the cart's promotions were used for (Medusa's registerUsageStep input). */
export function promotionUsage(cart: CheckoutCartToComplete) {
  const adjustments = [
    ...present(cart.items).flatMap((i) => present(i.adjustments ?? [])),
    ...present(cart.shipping_methods).flatMap((sm) => present(sm.adjustments ?? [])),
  ]
  return {
    computedActions: adjustments.map((a) => ({ amount: a.amount, code: a.code })),
    registrationContext: { customer_id: cart.customer?.id || null, customer_email: cart.email || null },
  }
}

const amountOf = (v: Amount): number =>
  Number(typeof v === "object" && v !== null ? (v.numeric ?? v.value ?? 0) : (v ?? 0))

/**
 * Each producer's delivery fee on the placed order (metadata.ocop_shipping_by_producer), from the
 * order's shipping methods and the producer of the option each one used — what
 * workflows/steps/record-part-shipping.ts writes after Medusa's completion, without reading again.
 */
export function partShippingOfOrder(
  cart: CheckoutCartToComplete,
  orderMethods: Array<{ id: string; name?: string | null; amount?: Amount; shipping_option_id?: string | null }>
): Record<string, PartShipping> {
  const producerOfOption = new Map<string, string>()
  for (const sm of present(cart.shipping_methods)) {
    const producerId = sm.shipping_option?.data?.[PRODUCER_OPTION_KEY]
    if (sm.shipping_option_id && typeof producerId === "string") producerOfOption.set(sm.shipping_option_id, producerId)
  }
  const methods = orderMethods.map((m) => ({
    id: m.id,
    name: m.name ?? "",
    amount: amountOf(m.amount),
    shipping_option_id: m.shipping_option_id ?? null,
  }))
  return shippingByProducer(methods, producerOfOption)
}
