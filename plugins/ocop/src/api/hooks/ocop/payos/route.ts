import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { payosChecksumKey, verifiedPayosData } from "../../../../lib/payos-notification"
import { referenceIn } from "../../../../lib/bank-transfer"
import { HOLD_REASON_TEXT } from "../../../../lib/payment-settlement"
import { refuseBilingual } from "../../../utils/refuse"
import { settlePaymentNotificationWorkflow } from "../../../../workflows/payments/settle-payment-notification"
import type { PayosNotificationBody } from "../validators"

/**
 * POST: payOS tells of a transfer into the platform's account. Signed (checked with payOS's SDK),
 * recorded once per bank transaction reference, applied to the order whose reference the transfer
 * description carries when the amount is exact — otherwise held for an operator (202).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const key = payosChecksumKey()
  if (!key) {
    return refuseBilingual(res, 404, "not_found", {
      vi: "Chưa cấu hình nhận thông báo chuyển khoản",
      en: "bank transfer notifications are not configured",
    })
  }
  const body = (req as unknown as { validatedBody: PayosNotificationBody }).validatedBody
  // The signature covers `data` exactly as payOS sent it (unknown fields included).
  const sent = req.body as { data: Record<string, unknown>; signature: string }
  const data = await verifiedPayosData({ ...body, data: sent.data, signature: sent.signature }, key)
  if (!data) {
    return refuseBilingual(res, 401, "unauthorized", {
      vi: "Chữ ký thông báo không hợp lệ: thông báo bị từ chối, không có gì thay đổi",
      en: "the notification's signature is not valid: refused, nothing changed",
    })
  }
  // A failed or test transfer: acknowledged, nothing recorded.
  if (data.code !== "00") return res.json({ outcome: "ignored" })
  const { result } = await settlePaymentNotificationWorkflow(req.scope).run({
    input: {
      provider: "payos",
      notification_id: String(data.reference),
      reference: referenceIn(String(data.description ?? "")),
      amount: Number(data.amount),
      payload: data as Record<string, unknown>,
    },
  })
  if (result.outcome === "applied") return res.json({ outcome: "applied", order_id: result.order_id })
  res.status(202).json({
    outcome: "held",
    reason: result.reason,
    order_id: result.order_id,
    message: result.reason ? HOLD_REASON_TEXT[result.reason] : undefined,
  })
}
