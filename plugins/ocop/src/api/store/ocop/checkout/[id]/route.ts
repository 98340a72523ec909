import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { prepareCheckoutWorkflow } from "../../../../../workflows/checkout/prepare-checkout"
import type { StorePrepareCheckoutBody } from "../validators"

/**
 * POST /store/ocop/checkout/:id — the email, addresses, one delivery option per producer's parcel
 * and the payment session, set in one run with at most one cart refresh (Medusa's routes take four to five
 * calls and refresh the cart after each). Completion stays Medusa's `POST /store/carts/:id/complete`.
 * Answers the ids the storefront reads; the cart's totals are the cart's (GET /store/carts/:id).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = (req as unknown as { validatedBody: StorePrepareCheckoutBody }).validatedBody
  const { result } = await prepareCheckoutWorkflow(req.scope).run({
    input: { ...body, cart_id: req.params.id, customer_id: req.auth_context?.actor_id },
  })
  res.json({
    cart: {
      id: result.cart_id,
      payment_collection: { id: result.payment_collection_id, payment_session: { id: result.payment_session_id } },
    },
  })
}
