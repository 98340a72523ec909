import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { timedGuard } from "../../observability/checkout-guards"
import { splitOrderByProducerWorkflow } from "../order/split-order-by-producer"

type OrderCreatedHook = (
  handler: (input: { order_id: string; cart_id: string }, context: { container: MedusaContainer }) => Promise<void>
) => void

/**
 * A checkout's order is split by producer before the cart's completion answers, so the shopper's
 * confirmation page and the producers' portals never see an order without its parts or their
 * delivery fees (an order.placed subscriber alone left a window in which they did).
 *
 * Medusa 2.21.2 declares `orderCreated` in completeCartWorkflow (after the payment is authorised)
 * but leaves it out of the workflow's typed hooks, hence the cast. A failed split must not undo a
 * placed and paid order: it is logged, and the order.placed subscriber splits the order again.
 */
const orderCreated = (completeCartWorkflow.hooks as unknown as { orderCreated: OrderCreatedHook }).orderCreated
orderCreated(async ({ order_id }, { container }) => {
  try {
    // Timed with the other checkout work of the plugin: it counts in the plugin's share of checkout.
    await timedGuard("order_split", () => splitOrderByProducerWorkflow(container).run({ input: { order_id } }))
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `Order ${order_id} was placed but not yet split by producer; the order.placed subscriber will retry: ${error}`
      )
  }
})
