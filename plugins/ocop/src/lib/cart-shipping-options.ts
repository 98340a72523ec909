import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * The ids of the shipping options a cart can use: those of the shipping profiles its products ship
 * in (one profile per producer, decision 007). Null when no item names a profile (an empty cart):
 * then every option is offered, as Medusa does.
 *
 * Medusa 2.21.2 lists the options of every profile and prices each one; with thousands of producers
 * that was most of a checkout's database work, so the list is narrowed before Medusa runs it.
 */
export async function cartShippingOptionIds(container: MedusaContainer, cartId: string): Promise<string[] | null> {
  // Three plain reads (the cart's products, their profiles' link rows, the profiles' options) where a
  // graph from the cart through its items and products to the profiles took five.
  const items = await container.resolve(Modules.CART).listLineItems({ cart_id: cartId }, { select: ["product_id"] })
  const productIds = [...new Set(items.map((i) => i.product_id).filter((id): id is string => !!id))]
  if (!productIds.length) return null
  const { data: links } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_shipping_profile",
    fields: ["shipping_profile_id"],
    filters: { product_id: productIds },
  })
  const profiles = [
    ...new Set(
      (links as Array<{ shipping_profile_id?: string | null }>)
        .map((l) => l.shipping_profile_id)
        .filter((id): id is string => !!id)
    ),
  ]
  if (!profiles.length) return null
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const options = await fulfillment.listShippingOptions({ shipping_profile_id: profiles }, { select: ["id"] })
  return options.map((o) => o.id)
}
