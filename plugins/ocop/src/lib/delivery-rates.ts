/**
 * Delivery per producer (docs/decisions/007-shipping-per-producer.md): every producer ships its own
 * parcel, so each producer has its own Medusa shipping profile carrying these options, and a cart
 * holding two producers' products needs one shipping method — one fee — per producer.
 *
 * The rates are the platform's flat rates for now (the same for every producer); the platform's own
 * options on the default profile use them too, for products that have no producer yet.
 */
export const DELIVERY_RATES = [
  {
    code: "standard",
    name: "Giao hàng tiêu chuẩn",
    name_en: "Standard delivery",
    description: "Giao trong 3–5 ngày",
    amount: 30000,
  },
  {
    code: "express",
    name: "Giao hàng nhanh",
    name_en: "Express delivery",
    description: "Giao trong 1–2 ngày",
    amount: 50000,
  },
] as const

/** The shipping profile of one producer (its name is unique in the Fulfillment Module). */
export const producerShippingProfileName = (producerId: string) => `ocop-producer:${producerId}`

/** Where a producer's shipping option says whose it is (shipping_option.data, set by the platform). */
export const PRODUCER_OPTION_KEY = "ocop_producer_id"

/** Where a placed order records each producer's delivery fee (order.metadata), written when it is split. */
export const PART_SHIPPING_KEY = "ocop_shipping_by_producer"

export type ShippingMethodOfOrder = { id: string; amount: number; name: string; shipping_option_id: string | null }
export type PartShipping = { method_id: string; name: string; amount: number }

/**
 * Each producer's delivery fee on a placed order: the order's shipping methods, matched to the
 * producer whose option each one used. Methods of the platform's options belong to no producer.
 */
export function shippingByProducer(
  methods: ShippingMethodOfOrder[],
  producerOfOption: Map<string, string>
): Record<string, PartShipping> {
  const parts: Record<string, PartShipping> = {}
  for (const m of methods) {
    const producerId = m.shipping_option_id ? producerOfOption.get(m.shipping_option_id) : undefined
    if (!producerId) continue
    const prior = parts[producerId]
    parts[producerId] = prior
      ? { method_id: prior.method_id, name: `${prior.name}, ${m.name}`, amount: prior.amount + m.amount }
      : { method_id: m.id, name: m.name, amount: m.amount }
  }
  return parts
}
