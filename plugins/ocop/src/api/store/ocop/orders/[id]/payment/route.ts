import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderForShopper } from "../../../../../utils/shopper-order-access"
import { shopperPaymentView } from "../../../../../../lib/shopper-payment"
import { unpaidOrderMinutes } from "../../../../../../lib/bank-transfer"

/** GET: how the order is paid and whether the money arrived (the order page shows the QR until then). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { key } = (req as unknown as { validatedQuery: { key?: string } }).validatedQuery
  const order = await orderForShopper(req, key)
  if (!order) return res.status(404).json({ type: "not_found", message: `Order ${req.params.id} was not found.` })
  const payments = (order.payment_collections ?? []).flatMap((c) => (c?.payments ?? []).filter((p) => p !== null))
  res.json({ payment: shopperPaymentView(order, payments, unpaidOrderMinutes()) })
}
