import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, getVariantAvailability } from "@medusajs/framework/utils"
import { stockText } from "../../lib/stock"

type CartLine = {
  id: string
  variant_id?: string | null
  quantity?: number | null
  title?: string | null
  product_title?: string | null
}

/** What the guard reads of the cart: its channel and the units of each variant it holds. */
export const STOCK_GUARD_CART_FIELDS = [
  "id",
  "sales_channel_id",
  "items.id",
  "items.variant_id",
  "items.quantity",
  "items.product_title",
]

const wholeNumber = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : null)

/**
 * POST /store/carts/:id/line-items[/:line_id]: asking for more units than the shop has left is a 400
 * that says how many are left, in both languages (Medusa answers "Some variant does not have the
 * required inventory", in English only, without the figure). Adding a variant already in the cart
 * counts the units already there (Medusa merges them into one line). Untracked stock and backorders
 * pass through; malformed bodies are left to Medusa's own validation.
 */
export async function refuseMoreThanAvailable(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { variant_id?: unknown; quantity?: unknown }
  const quantity = wholeNumber(body.quantity)
  if (!quantity) return next()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  // Our cart routes have read the cart already (api/utils/cart-access.ts).
  const read = (req as MedusaRequest & { shoppersCart?: unknown }).shoppersCart
  const data = read
    ? [read]
    : (await query.graph({ entity: "cart", fields: STOCK_GUARD_CART_FIELDS, filters: { id: req.params.id } })).data
  const cart = data[0] as { sales_channel_id?: string | null; items?: Array<CartLine | null> } | undefined
  if (!cart?.sales_channel_id) return next()
  const items = (cart.items ?? []).filter((i): i is CartLine => !!i)
  const line = req.params.line_id ? items.find((i) => i.id === req.params.line_id) : undefined
  const variantId = req.params.line_id ? line?.variant_id : typeof body.variant_id === "string" ? body.variant_id : null
  if (!variantId) return next()
  // An edited line is replaced by the new quantity; an added one joins what the cart already holds.
  const inCart = items
    .filter((i) => i.variant_id === variantId && i.id !== line?.id)
    .reduce((n, i) => n + Number(i.quantity ?? 0), 0)
  const refusal = await stockRefusal(query, {
    salesChannelId: cart.sales_channel_id,
    variantId,
    quantity,
    inCart,
    title: line?.product_title,
  })
  if (!refusal) return next()
  res.status(400).json(refusal)
}

/**
 * The 400 for asking `quantity` more units of a variant when the cart already holds `inCart`, or null
 * when the shop has them (or does not count them: untracked stock, backorders).
 */
export async function stockRefusal(
  query: Parameters<typeof getVariantAvailability>[0],
  c: { salesChannelId: string; variantId: string; quantity: number; inCart: number; title?: string | null }
) {
  const { variantId, quantity, inCart } = c
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "manage_inventory", "allow_backorder", "product.title"],
    filters: { id: variantId },
  })
  const variant = variants[0] as
    | { manage_inventory?: boolean; allow_backorder?: boolean; product?: { title?: string } | null }
    | undefined
  if (!variant?.manage_inventory || variant.allow_backorder) return null
  const availability = await getVariantAvailability(query as never, {
    variant_ids: [variantId],
    sales_channel_id: c.salesChannelId,
  })
  const available = availability[variantId]?.availability
  if (available === null || available === undefined || inCart + quantity <= available) return null
  const title = variant.product?.title ?? c.title ?? variantId
  return {
    type: "not_allowed",
    code: "insufficient_stock",
    message: available > 0 ? stockText.onlyAvailable(title, available, inCart) : stockText.soldOut(title),
    available,
  }
}
