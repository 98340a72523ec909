import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { orderLinkKey } from "../lib/order-link"
import { storefrontUrl } from "../lib/storefront-links"

/**
 * The order confirmation, to the shopper's email when checkout gave one (cash on delivery may
 * give only a phone number), with the order page's link: its key (lib/order-link.ts) opens the
 * page in any browser, without an account.
 */
export default async function orderConfirmationEmail({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "email", "total"],
    filters: { id: event.data.id },
  })
  const order = data[0] as { id: string; display_id?: number; email?: string | null } | undefined
  if (!order?.email) return
  const secret = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string
  const url = storefrontUrl(`/orders/${order.id}?key=${orderLinkKey(order.id, secret)}`)
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: order.email,
    channel: "email",
    template: "ocop-order-confirmation",
    trigger_type: "order.placed",
    resource_id: order.id,
    resource_type: "order",
    data: {
      subject: `Chợ OCOP: đơn hàng #${order.display_id} / order #${order.display_id}`,
      text_vi: `Cảm ơn bạn đã đặt hàng. Theo dõi đơn hàng #${order.display_id} tại: ${url}`,
      text_en: `Thank you for your order. Follow order #${order.display_id} at: ${url}`,
      order_url: url,
    },
  })
}

export const config: SubscriberConfig = { event: "order.placed" }
