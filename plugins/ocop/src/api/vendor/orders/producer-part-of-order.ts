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
]

// Order amounts come back as BigNumber-like values; VND has no decimals.
const amount = (v: any): number => Number(v?.numeric ?? v?.value ?? v)
// Quantities of order lines live on the order item detail.
const quantityOf = (i: any): number => amount(i.quantity ?? i.detail?.quantity)

/** One producer's view of an order: its own lines, its own subtotal, its own fulfilments. */
export function producerPartOfOrder(order: any, ownProductIds: Set<string>) {
  const items = (order.items ?? []).filter((i: any) => ownProductIds.has(i.product_id))
  const itemIds = new Set(items.map((i: any) => i.id))
  const fulfillments = (order.fulfillments ?? []).filter((f: any) =>
    (f.items ?? []).some((fi: any) => itemIds.has(fi.line_item_id))
  )
  return {
    id: order.id,
    display_id: order.display_id,
    created_at: order.created_at,
    status: order.status,
    currency_code: order.currency_code,
    email: order.email,
    shipping_address: order.shipping_address,
    items: items.map((i: any) => ({
      id: i.id,
      title: i.title,
      product_id: i.product_id,
      quantity: quantityOf(i),
      unit_price: amount(i.unit_price),
    })),
    subtotal: items.reduce((sum: number, i: any) => sum + amount(i.unit_price) * quantityOf(i), 0),
    fulfillments: fulfillments.map((f: any) => ({ id: f.id, created_at: f.created_at })),
  }
}
