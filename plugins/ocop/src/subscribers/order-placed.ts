import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { splitOrderByProducerWorkflow } from "../workflows/order/split-order-by-producer"

export default async function orderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await splitOrderByProducerWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }
