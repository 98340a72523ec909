import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { orderPartStatus, type PartFulfilment } from "../../lib/order-parts"
import { cashCollectionDecision, type RecordedCash } from "../../lib/settlement-rules"
import type { CollectedBy } from "../../lib/statements"
import { SETTLEMENT_MODULE, type SettlementModuleService } from "../../modules/settlement"

export type CashCollectionInput = {
  order_id: string
  producer_id: string
  amount: number
  collected_by: CollectedBy
  collected_at?: string | null
  actor_type: "producer" | "user"
  actor_id: string | null
}

type OrderRecord = {
  status: string
  items?: Array<{ id: string; product_id: string }> | null
  fulfillments?: Array<PartFulfilment & { items?: Array<{ line_item_id: string }> | null }> | null
  payment_collections?: Array<{ payment_sessions?: Array<{ provider_id?: string } | null> | null } | null> | null
}

/**
 * Runs inside the order part's lock (the one shipping and delivery take): reads the part's state and
 * any recorded cash now, and decides — create, replay the first record, or refuse with a 409.
 */
export const planCashCollectionStep = createStep(
  "ocop-plan-cash-collection",
  async (input: CashCollectionInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const settlement = container.resolve<SettlementModuleService>(SETTLEMENT_MODULE)
    const [{ data: orders }, { data: producers }, [existing]] = await Promise.all([
      query.graph({
        entity: "order",
        fields: [
          "status",
          "items.id",
          "items.product_id",
          "fulfillments.id",
          "fulfillments.canceled_at",
          "fulfillments.metadata",
          "fulfillments.items.line_item_id",
          "payment_collections.payment_sessions.provider_id",
        ],
        filters: { id: input.order_id },
      }),
      query.graph({ entity: "producer", fields: ["products.id"], filters: { id: input.producer_id } }),
      settlement.listCashCollections({ order_id: input.order_id, producer_id: input.producer_id }, { take: 1 }),
    ])
    const order = orders[0] as unknown as OrderRecord | undefined
    if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} was not found.`)
    const products = (producers[0] as unknown as { products?: Array<{ id: string } | null> } | undefined)?.products
    const own = new Set((products ?? []).flatMap((p) => (p ? [p.id] : [])))
    const itemIds = new Set((order.items ?? []).filter((i) => own.has(i.product_id)).map((i) => i.id))
    if (!itemIds.size) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} was not found.`)
    const fulfilments = (order.fulfillments ?? []).filter((f) =>
      (f.items ?? []).some((fi) => itemIds.has(fi.line_item_id))
    )
    const cashOnDelivery = (order.payment_collections ?? []).some((c) =>
      (c?.payment_sessions ?? []).some((s) => s?.provider_id === "pp_system_default")
    )
    const recorded: RecordedCash | null = existing
      ? { id: existing.id, amount: Number(existing.amount), collected_by: existing.collected_by as CollectedBy }
      : null
    const decision = cashCollectionDecision(
      { status: orderPartStatus(order.status, fulfilments), cash_on_delivery: cashOnDelivery },
      { amount: input.amount, collected_by: input.collected_by },
      recorded
    )
    if ("error" in decision) throw new MedusaError(MedusaError.Types.CONFLICT, decision.error)
    return new StepResponse({ replayed_id: "replay" in decision ? decision.replay.id : null })
  }
)
