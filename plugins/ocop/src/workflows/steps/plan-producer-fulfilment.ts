import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { conflictText } from "../../lib/conflicts"
import { orderWithProducerProducts } from "../../lib/producer-products"

export type ProducerFulfilmentInput = {
  order_id: string
  producer_id: string
  /** Lines to ship; all of the producer's lines when absent. */
  item_ids?: string[]
  idempotency_key?: string | null
  /** The carrier and its tracking number, shown to the shopper (the portal always sends them). */
  carrier?: string | null
  tracking_number?: string | null
}

export type ProducerFulfilmentPlan = {
  items: Array<{ id: string; quantity: number }>
  /**
   * The delivery the shopper chose for this producer's parcel (decision 007). Medusa would take the
   * order's first shipping method, which in an order of several producers may be another's parcel.
   */
  shipping_option_id?: string
  /** The fulfilment an earlier request with the same Idempotency-Key created: nothing more is shipped. */
  replayed_fulfillment_id: string | null
}

// Order quantities come back as BigNumber-like values.
const amount = (v: any): number => Number(v?.numeric ?? v?.value ?? v ?? 0)

/**
 * Runs inside the lock of this producer's part of the order: reads what is still unshipped now
 * (a racing request may have shipped it while this one waited) and plans exactly that. Nothing
 * left to ship is a 409; lines of other producers are a 400.
 */
export const planProducerFulfilmentStep = createStep(
  "ocop-plan-producer-fulfilment",
  async (input: ProducerFulfilmentInput, { container }): Promise<StepResponse<ProducerFulfilmentPlan>> => {
    const { order, own } = await orderWithProducerProducts<any>(container, input.order_id, input.producer_id, [
      "items.quantity",
      "items.detail.quantity",
      "items.detail.fulfilled_quantity",
      "shipping_methods.shipping_option_id",
    ])
    const ownItems = (order.items ?? []).filter((i: any) => own.has(i.product_id))

    if (input.idempotency_key) {
      const earlier = (order.fulfillments ?? []).find(
        (f: any) =>
          f.metadata?.ocop_idempotency_key === input.idempotency_key &&
          f.metadata?.ocop_producer_id === input.producer_id
      )
      if (earlier) {
        const shipped = new Set((earlier.items ?? []).map((fi: any) => fi.line_item_id))
        if (input.item_ids && !input.item_ids.every((id) => shipped.has(id))) {
          throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, conflictText.idempotencyKeyReused())
        }
        return new StepResponse({ items: [], replayed_fulfillment_id: earlier.id })
      }
    }

    const ownIds = new Set(ownItems.map((i: any) => i.id))
    if (input.item_ids && !input.item_ids.every((id) => ownIds.has(id))) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Some of these items are not part of your share of this order."
      )
    }
    if (!ownItems.length)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "There is nothing of yours to fulfil in this order.")
    if (["canceled", "archived", "draft"].includes(order.status)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, conflictText.orderNotShippable(order.status))
    }
    const items = ownItems
      .filter((i: any) => !input.item_ids || input.item_ids.includes(i.id))
      .map((i: any) => ({
        id: i.id as string,
        quantity: amount(i.quantity ?? i.detail?.quantity) - amount(i.detail?.fulfilled_quantity),
      }))
      .filter((i: { quantity: number }) => i.quantity > 0)
    if (!items.length) throw new MedusaError(MedusaError.Types.CONFLICT, conflictText.orderPartShipped())
    const shipping_option_id = await parcelOptionOf(container, order, ownItems[0].product_id)
    return new StepResponse({
      items,
      replayed_fulfillment_id: null,
      ...(shipping_option_id ? { shipping_option_id } : {}),
    })
  }
)

/** The order's shipping option whose shipping profile is this product's (the producer's parcel). */
async function parcelOptionOf(
  container: MedusaContainer,
  order: { shipping_methods?: Array<{ shipping_option_id?: string | null } | null> },
  productId: string
): Promise<string | undefined> {
  const optionIds = (order.shipping_methods ?? []).flatMap((m) => (m?.shipping_option_id ? [m.shipping_option_id] : []))
  if (optionIds.length < 2) return optionIds[0]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: products }, { data: options }] = await Promise.all([
    query.graph({ entity: "product", fields: ["id", "shipping_profile.id"], filters: { id: productId } }),
    query.graph({ entity: "shipping_option", fields: ["id", "shipping_profile_id"], filters: { id: optionIds } }),
  ])
  const profileId = (products[0] as { shipping_profile?: { id: string } | null } | undefined)?.shipping_profile?.id
  return (options as Array<{ id: string; shipping_profile_id: string }>).find(
    (o) => o.shipping_profile_id === profileId
  )?.id
}
