import { model } from "@medusajs/framework/utils"

/**
 * The ledger of payment notifications (bank transfers through payOS, VNPay IPN calls, operators'
 * confirmations): one row per notification id and provider, so a replayed or repeated notification
 * finds its row and changes nothing. An amount that does not match, a transfer for no known order or
 * for an order already paid or cancelled is "held" here for an operator, never applied.
 */
export const PaymentNotification = model
  .define("ocop_payment_notification", {
    id: model.id({ prefix: "paynote" }).primaryKey(),
    provider: model.enum(["payos", "vnpay", "operator"]),
    notification_id: model.text(),
    reference: model.text().nullable(),
    order_id: model.text().nullable(),
    payment_id: model.text().nullable(),
    /** Whole đồng as the notification said. */
    amount: model.bigNumber(),
    outcome: model.enum(["received", "applied", "held", "resolved"]).default("received"),
    /** Why it is held (amount_mismatch, unknown_reference, already_paid, order_cancelled) or the operator's note. */
    reason: model.text().nullable(),
    resolved_by: model.text().nullable(),
    payload: model.json().nullable(),
  })
  .indexes([
    { on: ["provider", "notification_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"], where: "deleted_at IS NULL" },
    { on: ["outcome"], where: "deleted_at IS NULL" },
  ])
