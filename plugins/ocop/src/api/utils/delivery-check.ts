import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertDeliveryStillApplies } from "../../lib/delivery-still-applies"

/**
 * POST /store/carts/:id/complete: a delivery option that no longer applies (deleted, changed, or at
 * another fee) is refused before Medusa's completion runs — it checks only that each parcel has a
 * method, so it placed orders with an option the shop had withdrawn. Our completion checks the same
 * inside its run (workflows/checkout/complete/complete-checkout.ts).
 */
export async function refuseStaleDelivery(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    await assertDeliveryStillApplies(req.scope, req.params.id)
  } catch (error) {
    return next(error)
  }
  next()
}
