import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isOrderLinkKey } from "../../lib/order-link"
import type { ShopperPaymentRow } from "../../lib/shopper-payment"
import { recordById } from "./record-by-id"

export type ShopperPaymentRecord = {
  id: string
  display_id?: number
  status: string
  created_at: string | Date
  metadata?: Record<string, unknown> | null
  customer_id?: string | null
  customer?: { has_account?: boolean } | null
  payment_collections?: Array<{ payments?: Array<ShopperPaymentRow | null> | null } | null> | null
}

/**
 * The order as its shopper may read it — the same rule as GET /store/ocop/orders/:id: the account
 * that placed it, the key of its emailed link, or by id for a guest order; otherwise null (404).
 */
export async function orderForShopper(
  req: AuthenticatedMedusaRequest,
  key: string | undefined
): Promise<ShopperPaymentRecord | null> {
  const order = await recordById<ShopperPaymentRecord>(req.scope, "order", req.params.id, [
    "id",
    "display_id",
    "status",
    "created_at",
    "metadata",
    "customer_id",
    "customer.has_account",
    "payment_collections.payments.id",
    "payment_collections.payments.provider_id",
    "payment_collections.payments.amount",
    "payment_collections.payments.data",
    "payment_collections.payments.captured_at",
    "payment_collections.payments.canceled_at",
  ])
  if (!order) return null
  const secret = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string
  const byKey = isOrderLinkKey(order.id, key, secret)
  const byAccount = !!req.auth_context?.actor_id && req.auth_context.actor_id === order.customer_id
  const guestOrder = !order.customer?.has_account
  return byKey || byAccount || guestOrder ? order : null
}
