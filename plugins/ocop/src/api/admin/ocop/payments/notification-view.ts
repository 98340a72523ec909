import { BigNumber } from "@medusajs/framework/utils"
import { HOLD_REASON_TEXT, type HoldReason } from "../../../../lib/payment-settlement"

type Row = {
  id: string
  provider: string
  notification_id: string
  reference: string | null
  order_id: string | null
  amount: unknown
  outcome: string
  reason: string | null
  resolved_by: string | null
  created_at: Date | string
}

export function notificationView(row: Row) {
  return {
    id: row.id,
    provider: row.provider,
    notification_id: row.notification_id,
    reference: row.reference,
    order_id: row.order_id,
    amount: new BigNumber(row.amount as number).numeric,
    outcome: row.outcome,
    reason: row.reason,
    reason_text: row.reason && row.reason in HOLD_REASON_TEXT ? HOLD_REASON_TEXT[row.reason as HoldReason] : null,
    resolved_by: row.resolved_by,
    created_at: row.created_at,
  }
}
