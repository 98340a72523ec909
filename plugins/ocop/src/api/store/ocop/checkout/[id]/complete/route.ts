import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { conflictText, isLockTimeout } from "../../../../../../lib/conflicts"
import { isOutOfStock } from "../../../../../utils/error-handler"
import { CheckoutConflict, placeOrder } from "../../../../../../workflows/checkout/complete/place-order"

/**
 * POST /store/ocop/checkout/:id/complete — the storefront's completion: the cart becomes its order,
 * split by producer, in one lean run (workflows/checkout/complete). Answers as Medusa's
 * `POST /store/carts/:id/complete` does with `?fields=id`, so clients read one shape: `{ type: "order",
 * order: { id } }`. Repeating it answers the same order. Refusals are 409s with a code and both
 * languages: `sold_out` (the last units went to others; nothing was written), `busy` (waited too long
 * behind other checkouts of the same item: try again).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  try {
    const { order_id } = await placeOrder(req.scope, {
      cart_id: req.params.id,
      customer_id: req.auth_context?.actor_id,
    })
    res.json({ type: "order", order: { id: order_id } })
  } catch (error) {
    const code =
      error instanceof CheckoutConflict
        ? error.code
        : isOutOfStock(error)
          ? "sold_out"
          : isLockTimeout(error)
            ? "busy"
            : null
    if (!code) throw error
    res.status(409).json({
      type: MedusaError.Types.CONFLICT,
      code,
      message: code === "sold_out" ? conflictText.soldOut() : conflictText.checkoutBusy(),
    })
  }
}
