import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_PAYMENT_MODULE } from "../../modules/ocop-payment"
import type OcopPaymentModuleService from "../../modules/ocop-payment/service"
import { bilingual } from "../../lib/conflicts"

export type PaymentNotificationInput = {
  provider: "payos" | "vnpay" | "operator"
  notification_id: string
  reference: string | null
  /** Whole đồng. */
  amount: number
  payload?: Record<string, unknown> | null
  order_id?: string | null
}

export const DUPLICATE_NOTIFICATION = bilingual(
  "Thông báo thanh toán này đã được xử lý trước đó; không có gì thay đổi",
  "this payment notification was already processed; nothing changed"
)

/**
 * Writes the notification into the ledger first: the unique (provider, notification_id) index makes
 * a replayed or concurrent copy fail here, before it can touch an order.
 */
export const recordPaymentNotificationStep = createStep(
  "ocop-record-payment-notification",
  async (input: PaymentNotificationInput, { container }) => {
    const ledger: OcopPaymentModuleService = container.resolve(OCOP_PAYMENT_MODULE)
    const [seen] = await ledger.listPaymentNotifications(
      { provider: input.provider, notification_id: input.notification_id },
      { take: 1 }
    )
    if (seen) throw new MedusaError(MedusaError.Types.CONFLICT, DUPLICATE_NOTIFICATION)
    try {
      const created = await ledger.createPaymentNotifications({
        provider: input.provider,
        notification_id: input.notification_id,
        reference: input.reference,
        amount: input.amount,
        order_id: input.order_id ?? null,
        payload: input.payload ?? null,
        outcome: "received",
      })
      return new StepResponse({ id: created.id }, created.id)
    } catch (error) {
      // Another copy won the race between our look-up and the insert.
      if (/unique|duplicate|already exists/i.test(String((error as Error)?.message))) {
        throw new MedusaError(MedusaError.Types.CONFLICT, DUPLICATE_NOTIFICATION)
      }
      throw error
    }
  },
  async (id, { container }) => {
    if (!id) return
    const ledger: OcopPaymentModuleService = container.resolve(OCOP_PAYMENT_MODULE)
    await ledger.deletePaymentNotifications(id)
  }
)
