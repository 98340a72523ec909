import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { orderWithProducerProducts } from "../../lib/producer-products"
import { orderPartStatus, orderPartTransition, type OrderPartAction, type PartFulfilment } from "../../lib/order-parts"

type OrderRecord = {
  status: string
  items?: Array<{ id: string; product_id: string }> | null
  fulfillments?: Array<PartFulfilment & { items?: Array<{ line_item_id: string }> | null }> | null
}

export type OrderPartStatusInput = { order_id: string; producer_id: string; action: Exclude<OrderPartAction, "ship"> }

export type OrderPartStatusPlan = {
  /** The part's fulfilments with the metadata each gets (the state and the time of the change). */
  updates: Array<{ id: string; metadata: Record<string, unknown>; delivered_at?: Date }>
  status: string
}

/**
 * Runs inside the part's lock: reads the part's fulfilments now (a racing request may have changed
 * them while this one waited) and plans the change, or refuses it with a 409 naming the state.
 */
export const planOrderPartStatusStep = createStep(
  "ocop-plan-order-part-status",
  async (input: OrderPartStatusInput, { container }): Promise<StepResponse<OrderPartStatusPlan>> => {
    const { order, own } = await orderWithProducerProducts<OrderRecord>(container, input.order_id, input.producer_id, [
      "fulfillments.canceled_at",
    ])
    const itemIds = new Set((order.items ?? []).filter((i) => own.has(i.product_id)).map((i) => i.id))
    const fulfilments: PartFulfilment[] = (order.fulfillments ?? []).filter((f) =>
      (f.items ?? []).some((fi) => itemIds.has(fi.line_item_id))
    )
    const current = orderPartStatus(order.status, fulfilments)
    const change = orderPartTransition(current, input.action)
    if ("error" in change) throw new MedusaError(MedusaError.Types.CONFLICT, change.error)
    const now = new Date()
    const stamp = change.to === "delivered" ? "ocop_delivered_at" : "ocop_returned_at"
    return new StepResponse({
      status: change.to,
      updates: fulfilments
        .filter((f) => !f.canceled_at)
        .map((f) => ({
          id: f.id,
          metadata: { ...(f.metadata ?? {}), ocop_status: change.to, [stamp]: now.toISOString() },
          ...(change.to === "delivered" ? { delivered_at: now } : {}),
        })),
    })
  }
)
