import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * POST /store/orders/:id/transfer/request — Medusa lets any logged-in customer ask for any order
 * (transfers exist to move a guest order to an account). An order that already belongs to an
 * account is that account's: for anyone else it is "not found".
 */
export async function ensureOrderTransferable(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "customer.has_account"],
    filters: { id: req.params.id },
  })
  const order: any = data[0]
  if (order?.customer?.has_account && order.customer_id !== req.auth_context?.actor_id) {
    return res.status(404).json({ type: "not_found", message: `Order with id: ${req.params.id} was not found` })
  }
  next()
}
