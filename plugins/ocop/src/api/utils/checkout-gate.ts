import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { readChannelStock, shortOfStock, type StockedLine } from "../../lib/channel-stock"
import { checkoutLockKey, conflictText, isLockTimeout, LOCK_WAIT_SECONDS } from "../../lib/conflicts"
import type { Sql } from "../../lib/listing-gate-database"
import { guardTimer, timedGuard } from "../../observability/checkout-guards"

const soldOut = (res: MedusaResponse, code: "sold_out" | "busy") =>
  res.status(409).json({
    type: MedusaError.Types.CONFLICT,
    code,
    message: code === "sold_out" ? conflictText.soldOut() : conflictText.checkoutBusy(),
  })

type StockedCartRow = {
  sales_channel_id: string | null
  completed_at: Date | null
  line_id: string | null
  variant_id: string | null
  quantity: number | string | null
  inventory_item_id: string | null
}

/**
 * An open cart's channel and its lines of variants whose stock is counted (managed, no backorders), one
 * row per line and inventory item, in one statement (Query read the cart, its lines, their variants and
 * the variants' inventory links in several). No rows: no such cart; a null channel or completed_at: Medusa
 * answers the cart itself.
 */
async function readStockedCart(db: Sql, cartId: string): Promise<StockedCartRow[]> {
  const { rows } = await db.raw(
    `select c.sales_channel_id, c.completed_at, li.id as line_id, li.variant_id, li.quantity, pvii.inventory_item_id
       from cart c
       left join (cart_line_item li
                  join product_variant pv
                    on pv.id = li.variant_id and pv.deleted_at is null
                   and pv.manage_inventory and not pv.allow_backorder
                  join product_variant_inventory_item pvii
                    on pvii.variant_id = pv.id and pvii.deleted_at is null)
         on li.cart_id = c.id and li.deleted_at is null
      where c.id = ? and c.deleted_at is null`,
    [cartId]
  )
  return rows as StockedCartRow[]
}

/**
 * POST /store/carts/:id/complete, one at a time per stocked item. Medusa's completion locks the
 * stock only around the reservation, so 50 shoppers on the last units ran 50 full completions at
 * once: on a busy machine they ran past every time limit (500 "Timed-out acquiring lock." after
 * ≈ 15 s, then 503s). Here each completion of a cart holding a stocked item first takes the
 * item's checkout lock and checks the stock inside it with the till's one stock reader
 * (lib/channel-stock.ts, as our completion does): a shopper who comes too late gets a 409
 * "sold out" at once, one who waited more than LOCK_WAIT_SECONDS a 409 "try again" (code "busy"),
 * and the completions that can succeed run one after another. The lock is released when the
 * response ends. Carts without stocked items (backorder, unmanaged stock) pass straight through.
 * Timed in two parts (ocop_checkout_guard_seconds): the reads as `checkout_stock_check`, the wait
 * for the lock as `checkout_stock_lock_wait` — a slow check and contention call for different fixes.
 * The storefront completes through POST /store/ocop/checkout/:id/complete (workflows/checkout/complete),
 * which takes the same locks; this keeps Medusa's own route as safe for every other client. The
 * delivery check runs inside Medusa's run, under its cart lock (workflows/hooks/complete-cart-checks.ts).
 */
export async function serializeCheckout(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const db = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql
  const rows = await timedGuard("checkout_stock_check", () => readStockedCart(db, req.params.id))
  const cart = rows[0]
  if (!cart || cart.completed_at || !cart.sales_channel_id) return next() // Medusa answers these itself
  const stocked = rows.filter((r) => r.variant_id && r.inventory_item_id)
  const keys = [...new Set(stocked.map((r) => r.inventory_item_id as string))]
  if (!keys.length) return next()
  // One line per line item: the join repeats a line once per inventory item of its variant.
  const lines = [...new Map(stocked.map((r) => [r.line_id, r as StockedLine])).values()]
  const channelId = cart.sales_channel_id

  const locking = req.scope.resolve(Modules.LOCKING)
  let entered = false
  const waited = guardTimer("checkout_stock_lock_wait")
  try {
    await locking.execute(
      keys.sort().map(checkoutLockKey),
      async () => {
        entered = true
        waited()
        const variantIds = lines.map((l) => l.variant_id)
        const stock = await timedGuard("checkout_stock_check", () => readChannelStock(req.scope, channelId, variantIds))
        if (shortOfStock(lines, stock)) return void soldOut(res, "sold_out")
        await new Promise<void>((resolve) => {
          res.once("finish", resolve)
          res.once("close", resolve)
          next()
        })
      },
      { timeout: LOCK_WAIT_SECONDS }
    )
  } catch (error) {
    waited()
    if (res.headersSent) return
    if (!entered && isLockTimeout(error)) return void soldOut(res, "busy")
    next(error)
  }
}
