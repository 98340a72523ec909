import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Sql } from "./listing-gate-database"

/**
 * The ids of the shipping options a cart can use: those of the shipping profiles its products ship
 * in (one profile per producer, decision 007). Null when no item names a profile (an empty cart):
 * then every option is offered, as Medusa does.
 *
 * Medusa 2.21.2 lists the options of every profile and prices each one; with thousands of producers
 * that was most of a checkout's database work, so the list is narrowed before Medusa runs it.
 */
export async function cartShippingOptionIds(container: MedusaContainer, cartId: string): Promise<string[] | null> {
  // One read from the cart's lines through their products' profiles to the profiles' options, where
  // the cart, product and fulfillment modules took three (and a graph from the cart five).
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql
  const { rows } = await db.raw(
    `select distinct psp.shipping_profile_id as profile_id, so.id as option_id
       from cart_line_item li
       join product_shipping_profile psp on psp.product_id = li.product_id and psp.deleted_at is null
       left join shipping_option so on so.shipping_profile_id = psp.shipping_profile_id and so.deleted_at is null
      where li.cart_id = ? and li.deleted_at is null and psp.shipping_profile_id is not null`,
    [cartId]
  )
  const found = rows as Array<{ profile_id: string; option_id: string | null }>
  if (!found.length) return null
  return found.map((r) => r.option_id).filter((id): id is string => !!id)
}

/**
 * For each named option that exists: its shipping profile, and whether that profile is one a product
 * of the cart ships in (a parcel of this cart, decision 007). One read.
 */
export async function optionParcels(
  db: Sql,
  cartId: string,
  optionIds: string[]
): Promise<Array<{ option_id: string; profile_id: string | null; of_cart: boolean }>> {
  const { rows } = await db.raw(
    `select so.id as option_id, so.shipping_profile_id as profile_id,
            exists (
              select 1 from cart_line_item li
                join product_shipping_profile psp on psp.product_id = li.product_id and psp.deleted_at is null
               where li.cart_id = ? and li.deleted_at is null and psp.shipping_profile_id = so.shipping_profile_id
            ) as of_cart
       from shipping_option so
      where so.id = any(string_to_array(?, ',')) and so.deleted_at is null`,
    [cartId, optionIds.join(",")]
  )
  return rows as Array<{ option_id: string; profile_id: string | null; of_cart: boolean }>
}
