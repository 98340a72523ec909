import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

type CartItemProfile = { product?: { shipping_profile?: { id?: string } | null } | null }

/**
 * The ids of the shipping options a cart can use: those of the shipping profiles its products ship
 * in (one profile per producer, decision 007). Null when no item names a profile (an empty cart):
 * then every option is offered, as Medusa does.
 *
 * Medusa 2.21.2 lists the options of every profile and prices each one; with thousands of producers
 * that was most of a checkout's database work, so the list is narrowed before Medusa runs it.
 */
export async function cartShippingOptionIds(container: MedusaContainer, cartId: string): Promise<string[] | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "items.product.shipping_profile.id"],
    filters: { id: cartId },
  })
  const cart = data[0] as { items?: Array<CartItemProfile | null> } | undefined
  const profiles = [
    ...new Set((cart?.items ?? []).map((i) => i?.product?.shipping_profile?.id).filter((id): id is string => !!id)),
  ]
  if (!profiles.length) return null
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const options = await fulfillment.listShippingOptions({ shipping_profile_id: profiles }, { select: ["id"] })
  return options.map((o) => o.id)
}
