import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Sql } from "../../../../../../lib/listing-gate-database"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OCOP_PAYMENT_MODULE } from "../../../../../../modules/ocop-payment"
import type OcopPaymentModuleService from "../../../../../../modules/ocop-payment/service"
import { prepaidPaymentOfOrder } from "../../../../../../lib/prepaid-orders"
import { notificationView } from "../../notification-view"

/** GET: the order's transfer / VNPay payment and every notification recorded for it (admin widget). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const db = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql
  const payment = await prepaidPaymentOfOrder(db, req.params.id)
  const ledger: OcopPaymentModuleService = req.scope.resolve(OCOP_PAYMENT_MODULE)
  const rows = await ledger.listPaymentNotifications({ order_id: req.params.id }, { order: { created_at: "DESC" } })
  res.json({
    payment: payment && {
      payment_id: payment.payment_id,
      provider_id: payment.provider_id,
      reference: payment.reference,
      amount: payment.amount,
      status: payment.captured
        ? "paid"
        : payment.canceled || payment.order_status === "canceled"
          ? "cancelled"
          : "awaiting_payment",
    },
    notifications: rows.map(notificationView),
  })
}
