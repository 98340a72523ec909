import type { MedusaContainer } from "@medusajs/framework/types"
import type { Sql } from "../../lib/listing-gate-database"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow, updateOrdersStep } from "@medusajs/medusa/core-flows"
import { unpaidPrepaidOrders } from "../../lib/prepaid-orders"
import { paymentNotificationLockKey } from "../../lib/payment-settlement"
import { LOCK_WAIT_SECONDS } from "../../lib/conflicts"
import { unpaidOrderMinutes } from "../../lib/bank-transfer"
import { ensureStillUnpaidStep } from "../steps/ensure-order-still-unpaid"
import { tellShopperStep } from "../steps/tell-shopper-unpaid-cancelled"

export const UNPAID_CANCEL_REASON = "unpaid_timeout"

/**
 * One unpaid VietQR / VNPay order past its time: Medusa's order cancellation (payment cancelled,
 * stock reservations released), the reason kept on the order for its page, and an email.
 */
export const cancelUnpaidOrderWorkflow = createWorkflow(
  "ocop-cancel-unpaid-order",
  (input: { order_id: string; minutes: number }) => {
    ensureStillUnpaidStep(input.order_id)
    cancelOrderWorkflow.runAsStep({ input: { order_id: input.order_id } })
    const update = transform({ input }, ({ input }) => ({
      selector: { id: input.order_id },
      update: { metadata: { ocop_cancel_reason: UNPAID_CANCEL_REASON } },
    }))
    updateOrdersStep(update)
    tellShopperStep(input)
    return new WorkflowResponse({ order_id: input.order_id })
  }
)

/**
 * Cancels every VietQR / VNPay order unpaid for longer than `minutes` (OCOP_UNPAID_ORDER_MINUTES),
 * each under its payment's lock, so a transfer arriving at that moment is either applied first or
 * finds the order cancelled and is held for an operator.
 */
export async function cancelUnpaidOrders(
  container: MedusaContainer,
  options: { minutes?: number; now?: Date } = {}
): Promise<{ cancelled: string[] }> {
  const minutes = options.minutes ?? unpaidOrderMinutes()
  const now = options.now ?? new Date()
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql
  const due = await unpaidPrepaidOrders(db, new Date(now.getTime() - minutes * 60_000))
  const locking = container.resolve(Modules.LOCKING)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const cancelled: string[] = []
  for (const payment of due) {
    try {
      await locking.execute(
        paymentNotificationLockKey(payment.payment_id),
        () => cancelUnpaidOrderWorkflow(container).run({ input: { order_id: payment.order_id, minutes } }),
        { timeout: LOCK_WAIT_SECONDS }
      )
      cancelled.push(payment.order_id)
    } catch (error) {
      logger.warn(`OCOP unpaid orders: order ${payment.order_id} not cancelled: ${(error as Error).message}`)
    }
  }
  return { cancelled }
}
