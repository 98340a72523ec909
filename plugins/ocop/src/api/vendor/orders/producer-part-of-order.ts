import { allowedOrderPartActions, orderPartStatus, shipmentOf, type PartFulfilment } from "../../../lib/order-parts"
import { PART_SHIPPING_KEY } from "../../../lib/delivery-rates"

export const ORDER_FIELDS = [
  "id",
  "display_id",
  "created_at",
  "status",
  "currency_code",
  "email",
  "shipping_address.*",
  "items.id",
  "items.title",
  "items.product_id",
  "items.variant_id",
  "items.quantity",
  "items.detail.quantity",
  "items.unit_price",
  "fulfillments.id",
  "fulfillments.created_at",
  "fulfillments.items.line_item_id",
  "metadata",
  "fulfillments.canceled_at",
  "fulfillments.metadata",
  "shipping_methods.id",
  "shipping_methods.name",
  "shipping_methods.amount",
  "shipping_methods.data",
  "shipping_methods.metadata",
  "payment_collections.payment_sessions.provider_id",
  "producers.id",
]

type Loose = Record<string, unknown> | null | undefined
type OrderLine = {
  id: string
  title: string
  product_id: string
  quantity?: unknown
  detail?: { quantity?: unknown } | null
  unit_price?: unknown
  [field: string]: unknown
}
type OrderFulfilment = PartFulfilment & { created_at?: unknown; items?: Array<{ line_item_id: string }> | null }
type ShippingMethod = { amount?: unknown; data?: Loose; metadata?: Loose } | null
/** The fields of ORDER_FIELDS this file reads (query.graph answers are untyped). */
export type OrderRecord = {
  id: string
  display_id?: number | null
  created_at: string
  status: string
  currency_code?: string
  email?: string | null
  shipping_address?: unknown
  items?: OrderLine[] | null
  fulfillments?: OrderFulfilment[] | null
  shipping_methods?: ShippingMethod[] | null
  payment_collections?: Array<{ payment_sessions?: Array<{ provider_id?: string } | null> | null } | null> | null
  producers?: Array<{ id: string } | null> | null
  [field: string]: unknown
}

// Order amounts come back as BigNumber-like values; VND has no decimals.
const amount = (v: unknown): number => {
  const big = v as { numeric?: unknown; value?: unknown } | null | undefined
  return Number(big?.numeric ?? big?.value ?? v ?? 0)
}
// Quantities of order lines live on the order item detail.
const quantityOf = (i: OrderLine): number => amount(i.quantity ?? i.detail?.quantity)

/** Cash on delivery is Medusa's system provider (renamed in the storefront). */
export const isCashOnDelivery = (order: OrderRecord): boolean =>
  (order.payment_collections ?? []).some((c) =>
    (c?.payment_sessions ?? []).some((s) => s?.provider_id === "pp_system_default")
  )

const ownerOf = (m: ShippingMethod): unknown =>
  m?.data?.producer_id ?? m?.metadata?.producer_id ?? m?.data?.ocop_producer_id ?? m?.metadata?.ocop_producer_id

/**
 * The delivery fee of one producer's part: the shipping methods checkout attributed to it
 * (`data.producer_id` / `metadata.producer_id`), or the whole fee when the order has one producer.
 */
export function shippingOfPart(order: OrderRecord, producerId: string | undefined): number {
  // Recorded when the order was split: the method chosen for this producer's parcel (decision 007).
  const recorded = order.metadata as Record<string, Record<string, { amount?: unknown }> | undefined> | null
  const own = producerId ? recorded?.[PART_SHIPPING_KEY]?.[producerId] : undefined
  if (own) return amount(own.amount)
  const methods = order.shipping_methods ?? []
  const sum = (list: ShippingMethod[]) => list.reduce((s, m) => s + amount(m?.amount), 0)
  if (methods.some((m) => ownerOf(m))) return sum(methods.filter((m) => ownerOf(m) === producerId))
  return (order.producers ?? []).filter(Boolean).length <= 1 ? sum(methods) : 0
}

/** One producer's view of an order: its own lines, its own subtotal, its own fulfilments and state. */
export function producerPartOfOrder(order: OrderRecord, ownProductIds: Set<string>, producerId?: string) {
  const items = (order.items ?? []).filter((i) => ownProductIds.has(i.product_id))
  const itemIds = new Set(items.map((i) => i.id))
  const fulfillments = (order.fulfillments ?? []).filter((f) =>
    (f.items ?? []).some((fi) => itemIds.has(fi.line_item_id))
  )
  const subtotal = items.reduce((sum, i) => sum + amount(i.unit_price) * quantityOf(i), 0)
  const status = orderPartStatus(order.status, fulfillments)
  const shipping = shippingOfPart(order, producerId)
  const cod = isCashOnDelivery(order)
  return {
    id: order.id,
    display_id: order.display_id,
    created_at: order.created_at,
    status: order.status,
    currency_code: order.currency_code,
    email: order.email,
    shipping_address: order.shipping_address,
    items: items.map((i) => ({
      id: i.id,
      title: i.title,
      product_id: i.product_id,
      quantity: quantityOf(i),
      unit_price: amount(i.unit_price),
    })),
    subtotal,
    shipping_total: shipping,
    part_status: status,
    allowed_actions: allowedOrderPartActions(status),
    shipment: shipmentOf(fulfillments),
    cash_on_delivery: cod,
    // What the carrier collects from the shopper for this parcel (nothing when paid by card).
    cash_to_collect: cod ? subtotal + shipping : 0,
    fulfillments: fulfillments.map((f) => ({ id: f.id, created_at: f.created_at })),
  }
}
