import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_PAYMENT_MODULE } from "../../../../../../../modules/ocop-payment"
import type OcopPaymentModuleService from "../../../../../../../modules/ocop-payment/service"
import { refuseBilingual } from "../../../../../../utils/refuse"
import { notificationView } from "../../../notification-view"

/** POST: an operator dealt with a held notification (refunded the sender, matched it by hand) and closes it. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { note } = (req as unknown as { validatedBody: { note: string } }).validatedBody
  const ledger: OcopPaymentModuleService = req.scope.resolve(OCOP_PAYMENT_MODULE)
  const [row] = await ledger.listPaymentNotifications({ id: req.params.id }, { take: 1 })
  if (!row) return res.status(404).json({ type: "not_found", message: `Notification ${req.params.id} was not found.` })
  if (row.outcome !== "held") {
    return refuseBilingual(res, 409, "conflict", {
      vi: "Chỉ thông báo đang bị giữ mới được đóng",
      en: "only a held notification can be resolved",
    })
  }
  const updated = await ledger.updatePaymentNotifications({
    id: row.id,
    outcome: "resolved",
    resolved_by: req.auth_context.actor_id,
    reason: `${row.reason ?? ""} — ${note}`,
  })
  res.json({ notification: notificationView(updated) })
}
