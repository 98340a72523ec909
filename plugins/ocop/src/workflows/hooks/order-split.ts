import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { InvokeFn } from "@medusajs/framework/workflows-sdk"
import { timedGuard } from "../../observability/checkout-guards"
import { splitOrderByProducerWorkflow } from "../order/split-order-by-producer"

/** What completeCartWorkflow passes its `orderCreated` hook (core-flows cart/workflows/complete-cart.js). */
type OrderCreatedInput = { order_id: string; cart_id: string }
type CompleteCartHooks = typeof completeCartWorkflow.hooks & {
  orderCreated?: (invoke: InvokeFn<OrderCreatedInput, unknown, unknown>) => void
}

/**
 * A checkout's order is split by producer before the cart's completion answers, so the shopper's
 * confirmation page and the producers' portals never see an order without its parts or their
 * delivery fees (an order.placed subscriber alone left a window in which they did).
 *
 * Medusa 2.21.2 declares `orderCreated` in completeCartWorkflow (after the payment is authorised)
 * but leaves it out of the workflow's typed hooks: it is typed here with the SDK's own handler type
 * and looked up at start-up, so an upgrade that drops it stops the backend instead of silently
 * leaving orders unsplit. A failed split must not undo a placed and paid order: it is logged, and
 * the order.placed subscriber splits the order again.
 *
 * The storefront completes through workflows/checkout/complete, which splits the order in its own
 * run; this hook serves Medusa's route (other clients).
 */
const { orderCreated } = completeCartWorkflow.hooks as CompleteCartHooks
if (!orderCreated) throw new Error("Medusa's completeCartWorkflow has no orderCreated hook: the order split needs one.")
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
