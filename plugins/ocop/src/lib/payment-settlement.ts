import type { PrepaidPayment } from "./prepaid-orders"
import { bilingual } from "./conflicts"

/** Why a notification's money was not applied to an order: an operator decides (admin OCOP payments). */
export type HoldReason = "unknown_reference" | "amount_mismatch" | "already_paid" | "order_cancelled"

export type SettlementDecision = { outcome: "applied" } | { outcome: "held"; reason: HoldReason }

/**
 * What a notification of `amount` đồng does to the order it names. Only the exact amount of an order
 * still waiting is applied; anything else is held, never silently accepted.
 */
export function settlementDecision(payment: PrepaidPayment | null, amount: number): SettlementDecision {
  if (!payment) return { outcome: "held", reason: "unknown_reference" }
  if (payment.captured) return { outcome: "held", reason: "already_paid" }
  if (payment.canceled || payment.order_status === "canceled") return { outcome: "held", reason: "order_cancelled" }
  if (amount !== payment.amount) return { outcome: "held", reason: "amount_mismatch" }
  return { outcome: "applied" }
}

export const HOLD_REASON_TEXT: Record<HoldReason, string> = {
  unknown_reference: bilingual(
    "Không tìm thấy đơn hàng có mã chuyển khoản này",
    "no order has this transfer reference"
  ),
  amount_mismatch: bilingual("Số tiền chuyển khác số tiền của đơn hàng", "the amount differs from the order's total"),
  already_paid: bilingual("Đơn hàng đã được thanh toán trước đó", "the order was already paid"),
  order_cancelled: bilingual("Đơn hàng đã bị hủy", "the order was cancelled"),
}

export const paymentNotificationLockKey = (paymentId: string) => `ocop:payment:${paymentId}`
