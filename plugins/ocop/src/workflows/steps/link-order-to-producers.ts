import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"

type OrderOfParts = {
  items?: Array<{ id: string; product_id: string | null } | null> | null
  producers?: Array<{ id: string } | null> | null
}

/** Which producers an order involves (from its line items' products), and which are linked already. */
async function producerPartsOfOrder(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "items.id", "items.product_id", "producers.id"],
    filters: { id: orderId },
  })
  const order = data[0] as OrderOfParts | undefined
  const items = (order?.items ?? []).flatMap((i) => (i?.product_id ? [{ id: i.id, product_id: i.product_id }] : []))
  const linked = new Set((order?.producers ?? []).flatMap((p) => (p ? [p.id] : [])))
  const parts = new Map<string, string[]>()
  const productIds = [...new Set(items.map((i) => i.product_id))]
  if (!productIds.length) return { parts, linked }
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "producer.id"],
    filters: { id: productIds },
  })
  const producerOf = new Map(
    (products as Array<{ id: string; producer?: { id: string } | null }>).map((p) => [p.id, p.producer?.id])
  )
  for (const item of items) {
    const producerId = producerOf.get(item.product_id)
    if (!producerId) continue
    parts.set(producerId, [...(parts.get(producerId) ?? []), item.id])
  }
  return { parts, linked }
}

/**
 * Links the order to each producer whose products it holds. Links that exist already are kept, so
 * the split can run again for the same order (the order.placed subscriber backs up the checkout's
 * own split).
 */
export const linkOrderToProducersStep = createStep(
  "ocop-link-order-to-producers",
  async (input: { order_id: string }, { container }) => {
    const { parts, linked } = await producerPartsOfOrder(container, input.order_id)
    const rows = [...parts.keys()]
      .filter((producerId) => !linked.has(producerId))
      .map((producer_id) => ({
        [Modules.ORDER]: { order_id: input.order_id },
        [OCOP_MODULE]: { producer_id },
      }))
    if (rows.length) await container.resolve(ContainerRegistrationKeys.LINK).create(rows)
    return new StepResponse({ order_id: input.order_id, producer_ids: [...parts.keys()] }, rows)
  },
  async (rows, { container }) => {
    if (rows?.length) await container.resolve(ContainerRegistrationKeys.LINK).dismiss(rows)
  }
)
