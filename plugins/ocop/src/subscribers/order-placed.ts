import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PART_SHIPPING_KEY } from "../lib/delivery-rates"
import { splitOrderByProducerWorkflow } from "../workflows/order/split-order-by-producer"

/**
 * Splits an order that was placed without the checkout's own split (workflows/hooks/order-split.ts):
 * one placed another way, or whose split failed there. The part fees are the split's last record,
 * so an order that has them is split already.
 */
export default async function orderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "metadata"], filters: { id: event.data.id } })
  const metadata = (data[0] as { metadata?: Record<string, unknown> | null } | undefined)?.metadata
  if (metadata && PART_SHIPPING_KEY in metadata) return
  await splitOrderByProducerWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }
