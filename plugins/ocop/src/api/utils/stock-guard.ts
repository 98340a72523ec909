import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readChannelStock, unitsLeft } from "../../lib/channel-stock"
import type { Sql } from "../../lib/listing-gate-database"
import { stockText } from "../../lib/stock"
import { sendFieldErrors } from "./validate"

/** What the guard reads of a cart and the variant asked for, in one statement (null: no such cart). */
type AddFacts = {
  sales_channel_id: string | null
  variant_id: string | null
  manage_inventory: boolean | null
  allow_backorder: boolean | null
  product_title: string | null
  line_title: string | null
  in_cart: number | string
}

/**
 * The cart's channel, the variant added (`variantId`) or of the edited line (`lineId`), whether its stock
 * is counted, its product's title, and the units of it the cart holds on its other lines (Medusa merges
 * an added variant into its line). Query read these in four statements.
 */
async function readAddFacts(
  db: Sql,
  cartId: string,
  lineId: string | null,
  variantId: string | null
): Promise<AddFacts | null> {
  const { rows } = await db.raw(
    `select c.sales_channel_id, pv.id as variant_id, pv.manage_inventory, pv.allow_backorder,
            p.title as product_title, l.product_title as line_title,
            coalesce((select sum(o.quantity) from cart_line_item o
                       where o.cart_id = c.id and o.deleted_at is null and o.variant_id = pv.id
                         and o.id is distinct from l.id), 0) as in_cart
       from cart c
       left join cart_line_item l on l.id = ? and l.cart_id = c.id and l.deleted_at is null
       left join product_variant pv
         on pv.id = (case when ?::text is null then ?::text else l.variant_id end) and pv.deleted_at is null
       left join product p on p.id = pv.product_id
      where c.id = ? and c.deleted_at is null`,
    [lineId, lineId, variantId, cartId]
  )
  return (rows[0] as AddFacts | undefined) ?? null
}

const WHOLE_UNITS = "Số lượng phải là số nguyên. (EN: Give a whole number of units.)"
const wholeNumber = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : null)

/**
 * POST /store/carts/:id/line-items[/:line_id]: asking for more units than the shop has left is a 400
 * that says how many are left, in both languages (Medusa answers "Some variant does not have the
 * required inventory", in English only, without the figure). Adding a variant already in the cart
 * counts the units already there (Medusa merges them into one line). Untracked stock and backorders
 * pass through; malformed bodies are left to Medusa's own validation. Two statements: the facts above
 * and the till's one stock reader (lib/channel-stock.ts, as our add's confirm-stock step).
 */
export async function refuseMoreThanAvailable(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { variant_id?: unknown; quantity?: unknown }
  // Medusa's own schema takes any number ≥ 0 (1.5 jars of honey went into a cart): units are whole
  if (typeof body.quantity === "number" && !Number.isInteger(body.quantity))
    return sendFieldErrors(res, { quantity: WHOLE_UNITS })
  const quantity = wholeNumber(body.quantity)
  if (!quantity) return next()
  const lineId = req.params.line_id ?? null
  const asked = lineId ? null : typeof body.variant_id === "string" ? body.variant_id : null
  if (!lineId && !asked) return next()
  const db = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql
  const facts = await readAddFacts(db, req.params.id, lineId, asked)
  // No such cart, line or variant: Medusa answers; untracked stock and backorders are not counted.
  if (!facts?.sales_channel_id || !facts.variant_id || !facts.manage_inventory || facts.allow_backorder) return next()
  const variantId = facts.variant_id
  const stock = unitsLeft(await readChannelStock(req.scope, facts.sales_channel_id, [variantId])).get(variantId)
  if (!stock?.items) return next() // a counted variant without an inventory item: Medusa's own refusal
  // An edited line is replaced by the new quantity; an added one joins what the cart already holds.
  const inCart = Number(facts.in_cart)
  if (inCart + quantity <= stock.units) return next()
  const title = facts.product_title ?? facts.line_title ?? variantId
  res.status(400).json({
    type: "not_allowed",
    code: "insufficient_stock",
    message: stock.units > 0 ? stockText.onlyAvailable(title, stock.units, inCart) : stockText.soldOut(title),
    available: stock.units,
  })
}
