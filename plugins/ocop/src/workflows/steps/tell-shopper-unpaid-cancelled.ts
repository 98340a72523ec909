import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { orderLinkKey } from "../../lib/order-link"
import { storefrontUrl } from "../../lib/storefront-links"

/** Emails the shopper that its unpaid order was cancelled, with the link to the order's page. */
export const tellShopperStep = createStep(
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
