import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
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
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [{ data: orders }, { data: producers }] = await Promise.all([
      query.graph({
        entity: "order",
        fields: [
          "id",
          "status",
          "items.id",
          "items.product_id",
          "fulfillments.id",
          "fulfillments.canceled_at",
          "fulfillments.metadata",
          "fulfillments.items.line_item_id",
        ],
        filters: { id: input.order_id },
      }),
      query.graph({ entity: "producer", fields: ["products.id"], filters: { id: input.producer_id } }),
    ])
    const order = orders[0] as unknown as OrderRecord | undefined
    if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} was not found.`)
    const products = (producers[0] as unknown as { products?: Array<{ id: string } | null> } | undefined)?.products
    const own = new Set((products ?? []).flatMap((p) => (p ? [p.id] : [])))
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
