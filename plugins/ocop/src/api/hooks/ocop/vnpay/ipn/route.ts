import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { vnpayConfig, verifyVnpayQuery } from "../../../../../lib/vnpay"
import { settlePaymentNotificationWorkflow } from "../../../../../workflows/payments/settle-payment-notification"

// VNPay's IPN answers (RspCode), as its integration guide lists them.
const ANSWER = {
  success: { RspCode: "00", Message: "Confirm Success" },
  notFound: { RspCode: "01", Message: "Order not found" },
  alreadyConfirmed: { RspCode: "02", Message: "Order already confirmed" },
  invalidAmount: { RspCode: "04", Message: "Invalid amount" },
  badChecksum: { RspCode: "97", Message: "Invalid Checksum" },
}

/**
 * GET: VNPay's server-to-server payment result (IPN). The signature is checked first; a paid result
 * is recorded once per VNPay transaction and applied to the order of vnp_TxnRef when the amount is
 * exact. VNPay reads the RspCode of a 200 answer, so refusals are 200s with its codes.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const config = vnpayConfig()
  if (!config) return res.status(404).json({ type: "not_found", message: "VNPay is not configured on this shop." })
  const query = req.query as Record<string, string>
  const verdict = verifyVnpayQuery(config, query)
  if (!verdict.verified || query.vnp_TmnCode !== config.tmnCode) return res.json(ANSWER.badChecksum)
  // Declined or abandoned at VNPay: nothing to record, the order keeps waiting.
  if (!verdict.success) return res.json(ANSWER.success)
  if (!Number.isSafeInteger(verdict.amount)) return res.json(ANSWER.invalidAmount)
  try {
    const { result } = await settlePaymentNotificationWorkflow(req.scope).run({
      input: {
        provider: "vnpay",
        notification_id: `${config.tmnCode}:${verdict.transactionNo}`,
        reference: verdict.txnRef,
        amount: verdict.amount,
        payload: query,
      },
    })
    if (result.outcome === "applied") return res.json(ANSWER.success)
    if (result.reason === "unknown_reference") return res.json(ANSWER.notFound)
    if (result.reason === "amount_mismatch") return res.json(ANSWER.invalidAmount)
    return res.json(ANSWER.alreadyConfirmed)
  } catch (error) {
    if ((error as MedusaError)?.type === MedusaError.Types.CONFLICT) return res.json(ANSWER.alreadyConfirmed)
    throw error
  }
}
