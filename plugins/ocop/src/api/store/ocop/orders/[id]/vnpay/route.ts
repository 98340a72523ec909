import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderForShopper } from "../../../../../utils/shopper-order-access"
import { shopperPaymentView } from "../../../../../../lib/shopper-payment"
import { unpaidOrderMinutes } from "../../../../../../lib/bank-transfer"
import { vnpayConfig, vnpayPaymentUrl } from "../../../../../../lib/vnpay"
import { storefrontUrl } from "../../../../../../lib/storefront-links"
import { refuseBilingual } from "../../../../../utils/refuse"

/**
 * POST: the signed VNPay URL to send the shopper to, made now (VNPay wants the shopper's IP and a
 * fresh creation time). The storefront redirects the browser; nothing it carries is trusted back:
 * only VNPay's signed IPN marks the order paid.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { key, locale } = (req as unknown as { validatedBody: { key?: string; locale: "vi" | "en" } }).validatedBody
  const config = vnpayConfig()
  const order = config ? await orderForShopper(req, key) : null
  if (!config || !order)
    return res.status(404).json({ type: "not_found", message: `Order ${req.params.id} was not found.` })
  const payments = (order.payment_collections ?? []).flatMap((c) => (c?.payments ?? []).filter((p) => p !== null))
  const view = shopperPaymentView(order, payments, unpaidOrderMinutes())
  if (view.method !== "vnpay" || view.status !== "awaiting_payment" || !view.reference) {
    return refuseBilingual(res, 409, "conflict", {
      vi: "Đơn hàng này không chờ thanh toán qua VNPay",
      en: "this order is not waiting for a VNPay payment",
    })
  }
  const url = vnpayPaymentUrl(config, {
    amount: view.amount,
    txnRef: view.reference,
    orderInfo: `Thanh toan don hang ${order.display_id ?? ""} ${view.reference}`.replace(/\s+/g, " ").trim(),
    ipAddr: req.ip || "127.0.0.1",
    returnUrl: storefrontUrl("/payments/vnpay/return"),
    locale,
  })
  res.json({ url })
}
