import { BigNumber } from "@medusajs/framework/utils"
import { PREPAID_PROVIDER_IDS, VIETQR_PROVIDER_ID, VNPAY_PROVIDER_ID } from "./bank-transfer"

/** A payment of an order, as the shopper's payment view reads it. */
export type ShopperPaymentRow = {
  id: string
  provider_id: string
  amount: unknown
  data?: Record<string, unknown> | null
  captured_at?: string | Date | null
  canceled_at?: string | Date | null
}

export type ShopperPaymentView = {
  method: "vietqr" | "vnpay" | "card" | "cash_on_delivery"
  /** awaiting_payment until the money is confirmed; cancelled_unpaid when the job gave up on it. */
  status: "awaiting_payment" | "paid" | "cancelled_unpaid" | "cancelled" | "cash_on_delivery"
  amount: number
  reference: string | null
  pay_before: string | null
  bank_transfer: {
    bank_bin: string
    bank_name: string | null
    account_number: string
    account_name: string
    qr_payload: string
  } | null
}

const METHOD: Record<string, ShopperPaymentView["method"]> = {
  [VIETQR_PROVIDER_ID]: "vietqr",
  [VNPAY_PROVIDER_ID]: "vnpay",
  pp_stripe_stripe: "card",
}

/** What the order page says about paying: the QR only while the money is awaited. */
export function shopperPaymentView(
  order: { status: string; created_at: string | Date; metadata?: Record<string, unknown> | null },
  payments: ShopperPaymentRow[],
  unpaidMinutes: number
): ShopperPaymentView {
  const payment = payments.find((p) => PREPAID_PROVIDER_IDS.includes(p.provider_id)) ?? payments[0]
  const method = (payment && METHOD[payment.provider_id]) || "cash_on_delivery"
  const amount = payment ? new BigNumber(payment.amount as number).numeric : 0
  const data = payment?.data ?? {}
  const cancelled = order.status === "canceled"
  const paid = !!payment?.captured_at
  const status: ShopperPaymentView["status"] = paid
    ? "paid"
    : cancelled
      ? order.metadata?.ocop_cancel_reason === "unpaid_timeout"
        ? "cancelled_unpaid"
        : "cancelled"
      : method === "cash_on_delivery"
        ? "cash_on_delivery"
        : "awaiting_payment"
  const awaiting = status === "awaiting_payment"
  return {
    method,
    status,
    amount,
    reference: method === "vietqr" || method === "vnpay" ? String(data.reference ?? "") || null : null,
    pay_before: awaiting ? new Date(new Date(order.created_at).getTime() + unpaidMinutes * 60_000).toISOString() : null,
    bank_transfer:
      awaiting && method === "vietqr"
        ? {
            bank_bin: String(data.bank_bin),
            bank_name: (data.bank_name as string | null) ?? null,
            account_number: String(data.account_number),
            account_name: String(data.account_name),
            qr_payload: String(data.qr_payload),
          }
        : null,
  }
}
