/**
 * When cash collected on delivery and payouts may be recorded, and the words of a refusal (Vietnamese
 * first, English after). Pure: the workflow steps read the records, these decide.
 */
import { bilingual } from "./conflicts"
import type { OrderPartStatus } from "./order-parts"
import type { CollectedBy } from "./statements"

export type CashCollectionRequest = { amount: number; collected_by: CollectedBy }
export type RecordedCash = { id: string; amount: number; collected_by: CollectedBy }

/**
 * A part's cash may be recorded once it is delivered and paid on delivery; a repeat of the same
 * record (a double click, a retried request) is the first record, a different one is a conflict.
 */
export function cashCollectionDecision(
  part: { status: OrderPartStatus; cash_on_delivery: boolean },
  request: CashCollectionRequest,
  existing: RecordedCash | null
): { replay: RecordedCash } | { create: true } | { error: string } {
  if (existing) {
    if (existing.amount === request.amount && existing.collected_by === request.collected_by)
      return { replay: existing }
    const by = existing.collected_by === "producer" ? "chủ thể thu" : "sàn thu"
    return {
      error: bilingual(
        `Tiền thu hộ của phần đơn hàng này đã được ghi nhận (${existing.amount} ₫, ${by}); ` +
          "không thể ghi lại khác đi.",
        `The cash for this part of the order was already recorded (${existing.amount} VND, ` +
          `collected by the ${existing.collected_by}); it cannot be recorded differently.`
      ),
    }
  }
  if (!part.cash_on_delivery) {
    return {
      error: bilingual(
        "Đơn hàng này đã thanh toán trực tuyến, không có tiền thu hộ (COD) để ghi nhận.",
        "This order was paid online; there is no cash on delivery to record."
      ),
    }
  }
  if (part.status !== "delivered") {
    return {
      error: bilingual(
        `Chỉ ghi nhận tiền thu hộ khi phần đơn hàng đã giao (hiện tại: ${part.status}).`,
        `Cash on delivery is recorded once the part is delivered (it is "${part.status}").`
      ),
    }
  }
  return { create: true }
}

export type PayoutRequest = { month: string; amount: number; bank_reference: string }
export type RecordedPayout = PayoutRequest & { id: string }

/** A payout is known by its bank reference: the same transfer again is the first record, a different one a conflict. */
export function payoutDecision(
  request: PayoutRequest,
  existing: RecordedPayout | null
): { replay: RecordedPayout } | { create: true } | { error: string } {
  if (!existing) return { create: true }
  if (existing.amount === request.amount && existing.month === request.month) return { replay: existing }
  return {
    error: bilingual(
      `Mã giao dịch ngân hàng ${request.bank_reference} đã được ghi cho khoản chi trả khác ` +
        `(${existing.amount} ₫, tháng ${existing.month}).`,
      `Bank reference ${request.bank_reference} is already recorded for another payout ` +
        `(${existing.amount} VND, month ${existing.month}).`
    ),
  }
}
