import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { DELIVERY_RATES, PRODUCER_OPTION_KEY, producerShippingProfileName } from "../../lib/delivery-rates"

type Move = { product_id: string; from: string | null }

/**
 * The producer's shipping profile with its delivery options, created on first use next to the
 * platform's options (same service zone and provider). Null when the store has no shipping set up
 * yet (no platform option to stand beside), in which case products stay where they are.
 */
async function ensureProducerShippingProfile(container: MedusaContainer, producerId: string): Promise<string | null> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const name = producerShippingProfileName(producerId)
  const [existing] = await fulfillment.listShippingProfiles({ name }, { take: 1 })
  if (existing) return existing.id
  const [platformProfile] = await fulfillment.listShippingProfiles({ type: "default" }, { take: 1 })
  if (!platformProfile) return null
  const [platform] = await fulfillment.listShippingOptions(
    { shipping_profile_id: platformProfile.id },
    { select: ["id", "service_zone_id", "provider_id"], take: 1 }
  )
  if (!platform) return null
  const [profile] = await fulfillment.createShippingProfiles([{ name, type: "ocop_producer" }])
  await createShippingOptionsWorkflow(container).run({
    input: DELIVERY_RATES.map((rate) => ({
      name: rate.name,
      price_type: "flat" as const,
      provider_id: platform.provider_id,
      service_zone_id: platform.service_zone_id,
      shipping_profile_id: profile.id,
      data: { [PRODUCER_OPTION_KEY]: producerId },
      type: { label: rate.name, description: rate.description, code: rate.code },
      prices: [{ currency_code: "vnd", amount: rate.amount }],
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
        { attribute: "is_return", value: "false", operator: "eq" as const },
      ],
    })),
  })
  return profile.id
}

const profileLink = (productId: string, profileId: string) => ({
  [Modules.PRODUCT]: { product_id: productId },
  [Modules.FULFILLMENT]: { shipping_profile_id: profileId },
})

/**
 * Puts a producer's products into the producer's shipping profile, so Medusa asks for one
 * shipping method (and charges one fee) per producer in a cart (decision 007). One producer at a
 * time: two first requests for a new producer would otherwise both create its profile.
 */
export const assignProducerShippingStep = createStep(
  "ocop-assign-producer-shipping",
  async (input: { producer_id: string; product_ids: string[] }, { container }) => {
    const locking = container.resolve(Modules.LOCKING)
    const profileId = await locking.execute(`ocop:producer-shipping:${input.producer_id}`, () =>
      ensureProducerShippingProfile(container, input.producer_id)
    )
    if (!profileId || !input.product_ids.length) return new StepResponse({ shipping_profile_id: profileId }, null)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "shipping_profile.id"],
      filters: { id: input.product_ids },
    })
    const products = data as Array<{ id: string; shipping_profile?: { id: string } | null }>
    const moves: Move[] = products
      .filter((p) => p.shipping_profile?.id !== profileId)
      .map((p) => ({ product_id: p.id, from: p.shipping_profile?.id ?? null }))
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const leaving = moves.filter((m) => m.from).map((m) => profileLink(m.product_id, m.from!))
    if (leaving.length) await link.dismiss(leaving)
    if (moves.length) await link.create(moves.map((m) => profileLink(m.product_id, profileId)))
    return new StepResponse({ shipping_profile_id: profileId }, { profileId, moves })
  },
  async (undo, { container }) => {
    if (!undo?.moves.length) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss(undo.moves.map((m) => profileLink(m.product_id, undo.profileId)))
    const back = undo.moves.filter((m) => m.from).map((m) => profileLink(m.product_id, m.from!))
    if (back.length) await link.create(back)
  }
)
