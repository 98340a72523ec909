import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Sql } from "../../../../../lib/listing-gate-database"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { vnpayConfig, verifyVnpayQuery } from "../../../../../lib/vnpay"
import { prepaidPaymentByReference } from "../../../../../lib/prepaid-orders"

/**
 * POST: the query VNPay put on the shopper's return URL, checked. It changes nothing (VNPay's IPN
 * does); it tells the storefront which order page to show and whether VNPay said the payment went through.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const config = vnpayConfig()
  if (!config) return res.status(404).json({ type: "not_found", message: "VNPay is not configured on this shop." })
  const verdict = verifyVnpayQuery(config, req.body as Record<string, string>)
  if (!verdict.verified) return res.json({ verified: false, success: false, order_id: null })
  const db = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql
  const payment = await prepaidPaymentByReference(db, verdict.txnRef)
  res.json({ verified: true, success: verdict.success, order_id: payment?.order_id ?? null })
}
