import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isOrderLinkKey } from "../../../../../lib/order-link"
import { ORDER_FIELDS, producerPartOfOrder, type OrderRecord } from "../../../../vendor/orders/producer-part-of-order"
import { recordById } from "../../../../utils/record-by-id"

const SHOPPER_ORDER_FIELDS = [
  ...ORDER_FIELDS,
  "customer_id",
  "customer.has_account",
  "item_total",
  "shipping_total",
  "total",
  "items.thumbnail",
  "items.variant_title",
  "items.product_title",
  "producers.name",
  "producers.handle",
  "producers.products.id",
]

const amount = (v: unknown): number => {
  const big = v as { numeric?: unknown; value?: unknown } | null | undefined
  return Number(big?.numeric ?? big?.value ?? v ?? 0)
}

type OrderProducer = { id: string; name: string; handle: string; products?: Array<{ id: string } | null> | null }
type ShopperOrderRecord = OrderRecord & {
  customer_id?: string | null
  customer?: { has_account?: boolean } | null
}

/**
 * The shopper's order page: the order with each producer's part and its state (placed, shipped with
 * carrier and tracking, delivered, returned, cancelled). Readable by the account that placed it, by
 * the key of its link (confirmation email), and — like Medusa's own GET /store/orders/:id — by id
 * for a guest order. An account's order without the right token or key is "not found".
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const notFound = () => res.status(404).json({ type: "not_found", message: `Order ${req.params.id} was not found.` })
  const order = await recordById<ShopperOrderRecord>(req.scope, "order", req.params.id, SHOPPER_ORDER_FIELDS)
  if (!order) return notFound()
  const secret = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string
  const byKey = isOrderLinkKey(order.id, req.query.key, secret)
  const byAccount = !!req.auth_context?.actor_id && req.auth_context.actor_id === order.customer_id
  const guestOrder = !order.customer?.has_account
  if (!byKey && !byAccount && !guestOrder) return notFound()

  const producers = ((order.producers ?? []) as Array<OrderProducer | null>)
    .filter((p) => p !== null)
    .sort((a, b) => a.name.localeCompare(b.name, "vi"))
  const parts = producers.map((p) => {
    const own = new Set((p.products ?? []).flatMap((x) => (x ? [x.id] : [])))
    const part = producerPartOfOrder(order, own, p.id)
    return {
      producer: { id: p.id, name: p.name, handle: p.handle },
      status: part.part_status,
      shipment: part.shipment,
      items: part.items,
      subtotal: part.subtotal,
      shipping_total: part.shipping_total,
    }
  })
  const items = (order.items ?? []).map((i) => ({
    id: i.id,
    title: i.product_title ?? i.title,
    variant_title: i.variant_title ?? null,
    thumbnail: i.thumbnail ?? null,
    quantity: amount(i.quantity ?? i.detail?.quantity),
    unit_price: amount(i.unit_price),
  }))
  res.json({
    // Why this reader may see it: the storefront opens a guest order by id only for the browser that placed it.
    access: byAccount ? "account" : byKey ? "key" : "id",
    order: {
      id: order.id,
      display_id: order.display_id,
      created_at: order.created_at,
      status: order.status,
      email: order.email,
      shipping_address: order.shipping_address,
      items,
      item_total: amount(order.item_total),
      shipping_total: amount(order.shipping_total),
      total: amount(order.total),
      cash_on_delivery: parts.length ? producerPartOfOrder(order, new Set()).cash_on_delivery : false,
      parts,
    },
  })
}
