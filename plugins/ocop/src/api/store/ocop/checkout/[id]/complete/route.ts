import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { conflictText, isLockTimeout } from "../../../../../../lib/conflicts"
import { PAYMENT_REFUSAL_STATUS, paymentRefusal } from "../../../../../../lib/payment-refusal"
import { isOutOfStock } from "../../../../../utils/error-handler"
import { CheckoutConflict, placeOrder } from "../../../../../../workflows/checkout/complete/place-order"

/**
 * POST /store/ocop/checkout/:id/complete — the storefront's completion: the cart becomes its order,
 * split by producer, in one lean run (workflows/checkout/complete). Answers as Medusa's
 * `POST /store/carts/:id/complete` does with `?fields=id`, so clients read one shape: `{ type: "order",
 * order: { id } }`. Repeating it answers the same order. Refusals carry a code and both languages
 * (`message_vi`, `message_en`; `message` is both, "vi (EN: en)"); after any of them no order exists,
 * no stock is reserved and the cart can be completed again:
 * - 409 `sold_out` (the last units went to others), `busy` (waited too long behind other checkouts
 *   of the same item: try again);
 * - 402 `payment_refused` (the provider said no; its words are in the messages) or
 *   `payment_requires_more` (the shopper must confirm with the bank first), `type`
 *   "payment_authorization_error". Medusa's own route answers these 200 `{ type: "cart", cart, error }`;
 *   ours is a refusal, as the storefront reads every refusal (lib/backend/checkout.server.ts);
 * - 400 `delivery_option_unavailable` (a delivery option chosen at the details was removed or
 *   changed since: choose delivery again; lib/delivery-still-applies.ts).
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
    if (!code) {
      const refusal = await paymentRefusal(req.scope, req.params.id, error)
      if (!refusal) throw error
      res.status(PAYMENT_REFUSAL_STATUS).json(refusal)
      return
    }
    res.status(409).json({
      type: MedusaError.Types.CONFLICT,
      code,
      message: code === "sold_out" ? conflictText.soldOut() : conflictText.checkoutBusy(),
    })
  }
}
