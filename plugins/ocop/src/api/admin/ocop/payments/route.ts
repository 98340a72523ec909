import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_PAYMENT_MODULE } from "../../../../modules/ocop-payment"
import type OcopPaymentModuleService from "../../../../modules/ocop-payment/service"
import { notificationView } from "./notification-view"
import { newestFirst } from "../../../utils/list-page"

type ListQuery = { outcome?: string; order_id?: string; limit: number; offset: number }

/** GET: the payment-notification ledger, newest first (`?outcome=held` lists what waits for an operator). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { outcome, order_id, limit, offset } = (req as unknown as { validatedQuery: ListQuery }).validatedQuery
  const ledger: OcopPaymentModuleService = req.scope.resolve(OCOP_PAYMENT_MODULE)
  const filters: Record<string, unknown> = {}
  if (outcome) filters.outcome = outcome
  if (order_id) filters.order_id = order_id
  const [rows, count] = await ledger.listAndCountPaymentNotifications(filters, newestFirst({ limit, offset }))
  res.json({ notifications: rows.map(notificationView), count, limit, offset })
}
