import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, getVariantAvailability, MedusaError, Modules } from "@medusajs/framework/utils"
import { recordById } from "./record-by-id"
import { checkoutLockKey, conflictText, isLockTimeout, LOCK_WAIT_SECONDS } from "../../lib/conflicts"
import { guardTimer, timedGuard } from "../../observability/checkout-guards"

const soldOut = (res: MedusaResponse, code: "sold_out" | "busy") =>
  res.status(409).json({
    type: MedusaError.Types.CONFLICT,
    code,
    message: code === "sold_out" ? conflictText.soldOut() : conflictText.checkoutBusy(),
  })

/**
 * POST /store/carts/:id/complete, one at a time per stocked item. Medusa's completion locks the
 * stock only around the reservation, so 50 shoppers on the last units ran 50 full completions at
 * once: on a busy machine they ran past every time limit (500 "Timed-out acquiring lock." after
 * ≈ 15 s, then 503s). Here each completion of a cart holding a stocked item first takes the
 * item's checkout lock and checks the stock inside it: a shopper who comes too late gets a 409
 * "sold out" at once, one who waited more than LOCK_WAIT_SECONDS a 409 "try again" (code "busy"),
 * and the completions that can succeed run one after another. The lock is released when the
 * response ends. Carts without stocked items (backorder, unmanaged stock) pass straight through.
 * Timed in two parts (ocop_checkout_guard_seconds): the reads as `checkout_stock_check`, the wait
 * for the lock as `checkout_stock_lock_wait` — a slow check and contention call for different fixes.
 * The storefront completes through POST /store/ocop/checkout/:id/complete (workflows/checkout/complete),
 * which takes the same locks; this keeps Medusa's own route as safe for every other client.
 */
export async function serializeCheckout(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const cart: any = await timedGuard("checkout_stock_check", () =>
    recordById(req.scope, "cart", req.params.id, [
      "id",
      "completed_at",
      "sales_channel_id",
      "items.variant_id",
      "items.quantity",
      "items.variant.manage_inventory",
      "items.variant.allow_backorder",
      "items.variant.inventory_items.inventory_item_id",
    ])
  )
  if (!cart || cart.completed_at || !cart.sales_channel_id) return next() // Medusa answers these itself
  const stocked = (cart.items ?? []).filter((i: any) => i?.variant?.manage_inventory && !i.variant.allow_backorder)
  const keys = [
    ...new Set<string>(
      stocked
        .flatMap((i: any) => (i.variant.inventory_items ?? []).map((ii: any) => ii?.inventory_item_id))
        .filter(Boolean)
    ),
  ]
  if (!keys.length) return next()

  const needed = new Map<string, number>()
  for (const item of stocked) needed.set(item.variant_id, (needed.get(item.variant_id) ?? 0) + Number(item.quantity))
  const locking = req.scope.resolve(Modules.LOCKING)
  let entered = false
  const waited = guardTimer("checkout_stock_lock_wait")
  try {
    await locking.execute(
      keys.sort().map(checkoutLockKey),
      async () => {
        entered = true
        waited()
        const availability = await timedGuard("checkout_stock_check", () =>
          getVariantAvailability(query as any, {
            variant_ids: [...needed.keys()],
            sales_channel_id: cart.sales_channel_id,
          })
        )
        const short = [...needed].some(([variantId, quantity]) => {
          const available = availability[variantId]?.availability
          return available !== null && available !== undefined && available < quantity
        })
        if (short) return void soldOut(res, "sold_out")
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
