import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PART_SHIPPING_KEY, PRODUCER_OPTION_KEY, shippingByProducer } from "../../lib/delivery-rates"

type BigNumberLike = number | string | { numeric?: unknown; value?: unknown } | null | undefined
const amountOf = (v: BigNumberLike): number =>
  Number(typeof v === "object" && v !== null ? (v.numeric ?? v.value ?? 0) : (v ?? 0))

type OrderShipping = {
  id: string
  metadata: Record<string, unknown> | null
  shipping_methods?: Array<{
    id: string
    name?: string | null
    amount?: BigNumberLike
    shipping_option_id?: string | null
  } | null>
}

/**
 * Writes each producer's delivery fee into the order (metadata.ocop_shipping_by_producer), from
 * the shipping method the shopper chose for that producer's parcel (decision 007), so the
 * producer's part of the order (decision 004) carries its own fee.
 */
export const recordPartShippingStep = createStep(
  "ocop-record-part-shipping",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "metadata",
        "shipping_methods.id",
        "shipping_methods.name",
        "shipping_methods.amount",
        "shipping_methods.shipping_option_id",
      ],
      filters: { id: input.order_id },
    })
    const order = data[0] as OrderShipping | undefined
    if (!order) return new StepResponse(null, null)
    const methods = (order.shipping_methods ?? [])
      .flatMap((m) => (m ? [m] : []))
      .map((m) => ({
        id: m.id,
        name: m.name ?? "",
        amount: amountOf(m.amount),
        shipping_option_id: m.shipping_option_id ?? null,
      }))
    const optionIds = methods.flatMap((m) => (m.shipping_option_id ? [m.shipping_option_id] : []))
    const options = optionIds.length
      ? await container
          .resolve(Modules.FULFILLMENT)
          .listShippingOptions({ id: optionIds }, { select: ["id", "data"], withDeleted: true })
      : []
    const producerOfOption = new Map<string, string>()
    for (const o of options) {
      const producerId = (o.data as Record<string, unknown> | null)?.[PRODUCER_OPTION_KEY]
      if (typeof producerId === "string") producerOfOption.set(o.id, producerId)
    }
    const parts = shippingByProducer(methods, producerOfOption)
    const before = order.metadata ?? null
    await container
      .resolve(Modules.ORDER)
      .updateOrders([{ id: order.id, metadata: { ...(before ?? {}), [PART_SHIPPING_KEY]: parts } }])
    return new StepResponse(parts, { id: order.id, before })
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve(Modules.ORDER).updateOrders([{ id: undo.id, metadata: undo.before }])
  }
)
