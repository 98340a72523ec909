import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Sql } from "../../../../../../../lib/listing-gate-database"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { prepaidPaymentOfOrder } from "../../../../../../../lib/prepaid-orders"
import { refuseBilingual } from "../../../../../../utils/refuse"
import { confirmPaymentByOperatorWorkflow } from "../../../../../../../workflows/payments/confirm-payment-by-operator"

/** POST: an operator saw the money arrive (bank statement) and marks the order paid, with a note. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { note } = (req as unknown as { validatedBody: { note: string } }).validatedBody
  const db = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql
  const payment = await prepaidPaymentOfOrder(db, req.params.id)
  if (!payment) {
    return refuseBilingual(res, 404, "not_found", {
      vi: "Đơn hàng không tồn tại hoặc không thanh toán bằng chuyển khoản / VNPay",
      en: "no such order paid by bank transfer or VNPay",
    })
  }
  if (payment.captured || payment.canceled || payment.order_status === "canceled") {
    return refuseBilingual(res, 409, "conflict", {
      vi: `Đơn hàng ${payment.captured ? "đã được thanh toán" : "đã bị hủy"}; không có gì thay đổi`,
      en: `the order is ${payment.captured ? "already paid" : "cancelled"}; nothing changed`,
    })
  }
  const { result } = await confirmPaymentByOperatorWorkflow(req.scope).run({
    input: { order_id: payment.order_id, amount: payment.amount, note, actor_id: req.auth_context.actor_id },
  })
  res.json({ outcome: result.outcome, order_id: payment.order_id })
}
