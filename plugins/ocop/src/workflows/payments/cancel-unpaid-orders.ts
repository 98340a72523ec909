import type { MedusaContainer } from "@medusajs/framework/types"
import type { Sql } from "../../lib/listing-gate-database"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow, updateOrdersStep } from "@medusajs/medusa/core-flows"
import { prepaidPaymentOfOrder, unpaidPrepaidOrders } from "../../lib/prepaid-orders"
import { paymentNotificationLockKey } from "../../lib/payment-settlement"
import { LOCK_WAIT_SECONDS } from "../../lib/conflicts"
import { unpaidOrderMinutes } from "../../lib/bank-transfer"
import { orderLinkKey } from "../../lib/order-link"
import { storefrontUrl } from "../../lib/storefront-links"

export const UNPAID_CANCEL_REASON = "unpaid_timeout"

/** Refuses (and so skips) an order whose money arrived since it was listed as due. */
const ensureStillUnpaidStep = createStep("ocop-ensure-order-still-unpaid", async (orderId: string, { container }) => {
  const payment = await prepaidPaymentOfOrder(
    container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql,
    orderId
  )
  if (!payment || payment.captured || payment.canceled || payment.order_status !== "pending") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `order ${orderId} is no longer waiting for its payment`)
  }
  return new StepResponse(payment)
})

const tellShopperStep = createStep(
  "ocop-tell-shopper-unpaid-cancelled",
  async (input: { order_id: string; minutes: number }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "email"],
      filters: { id: input.order_id },
    })
    const order = data[0] as { id: string; display_id?: number; email?: string | null } | undefined
    if (!order?.email) return new StepResponse(null)
    const secret = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string
    const url = storefrontUrl(`/orders/${order.id}?key=${orderLinkKey(order.id, secret)}`)
    const n = order.display_id
    const hours = Math.round((input.minutes / 60) * 10) / 10
    await container.resolve(Modules.NOTIFICATION).createNotifications({
      to: order.email,
      channel: "email",
      template: "ocop-order-cancelled-unpaid",
      trigger_type: "ocop.order.cancelled_unpaid",
      resource_id: order.id,
      resource_type: "order",
      data: {
        subject: `Chợ OCOP: đơn hàng #${n} đã bị hủy / order #${n} was cancelled`,
        text_vi:
          `Đơn hàng #${n} đã bị hủy vì chưa nhận được thanh toán sau ${hours} giờ. Hàng đã được trả lại kho; ` +
          `nếu bạn đã chuyển khoản, vui lòng liên hệ chúng tôi. Chi tiết: ${url}`,
        text_en:
          `Order #${n} was cancelled because its payment did not arrive within ${hours} hours. ` +
          `The items went back to stock; if you did transfer the money, please contact us. Details: ${url}`,
        order_url: url,
      },
    })
    return new StepResponse(null)
  }
)

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
