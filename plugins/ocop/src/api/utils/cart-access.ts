import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

type CartAccessFacts = {
  completed_at?: string | Date | null
  customer_id?: string | null
  customer?: { has_account?: boolean | null } | null
}

/**
 * Our cart routes (/store/ocop/carts/:id/…) act on an open cart only, and only on the shopper's: a
 * cart that does not exist, was completed, or belongs to a customer account other than the one
 * signed in answers 404 — the storefront then starts a new cart (POST /store/ocop/carts). A guest
 * cart is reached by its id, as in Medusa's own cart routes.
 */
export async function findShoppersOpenCart(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    // only what decides access: the add reads the cart again inside its lock
    fields: ["id", "completed_at", "customer_id", "customer.has_account"],
    filters: { id: req.params.id },
  })
  const cart = data[0] as CartAccessFacts | undefined
  const actor = (req as MedusaRequest & { auth_context?: { actor_id?: string } }).auth_context?.actor_id
  const othersAccount = !!cart?.customer?.has_account && cart.customer_id !== actor
  if (!cart || cart.completed_at || othersAccount) {
    return void res.status(404).json({
      type: MedusaError.Types.NOT_FOUND,
      code: "cart_not_open",
      message: `Cart with id: ${req.params.id} was not found`,
    })
  }
  next()
}
