import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"

/** Which producers an order involves, from its line items' products. */
export async function producerPartsOfOrder(container: any, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "items.id", "items.product_id"],
    filters: { id: orderId },
  })
  const items: Array<{ id: string; product_id: string }> = (data[0] as any)?.items ?? []
  const productIds = [...new Set(items.map((i) => i.product_id).filter(Boolean))]
  if (!productIds.length) return new Map<string, string[]>()
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "producer.id"],
    filters: { id: productIds },
  })
  const producerOf = new Map<string, string | undefined>(products.map((p: any) => [p.id, p.producer?.id]))
  const parts = new Map<string, string[]>()
  for (const item of items) {
    const producerId = producerOf.get(item.product_id)
    if (!producerId) continue
    parts.set(producerId, [...(parts.get(producerId) ?? []), item.id])
  }
  return parts
}

export const linkOrderToProducersStep = createStep(
  "ocop-link-order-to-producers",
  async (input: { order_id: string }, { container }) => {
    const parts = await producerPartsOfOrder(container, input.order_id)
    const rows = [...parts.keys()].map((producer_id) => ({
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
