import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * What an add answers: the cart's lines and their quantities — what the storefront reads to count the
 * cart (the pages read the whole cart with its totals when they show it). The same shape as Medusa's
 * `POST /store/carts/:id/line-items?fields=id,completed_at,items.id,items.quantity`.
 */
export const ADDED_CART_FIELDS = ["id", "completed_at", "items.id", "items.quantity"]

export async function addedCartAnswer(scope: MedusaContainer, cartId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ADDED_CART_FIELDS, filters: { id: cartId } })
  return data[0] ?? null
}
