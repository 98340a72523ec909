import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Sql } from "../../../lib/listing-gate-database"

type AddressIds = { cart_id: string; shipping_address_id: string | null; billing_address_id: string | null }

/**
 * Writes nothing; remembers which addresses the cart had. If a later step refuses the checkout, its
 * compensation puts those addresses back and deletes the ones the checkout wrote: Medusa's
 * updateCartsStep restores the email and customer on failure, but leaves the new addresses on the cart.
 */
export const restoreCartAddressesOnFailureStep = createStep(
  "ocop-restore-cart-addresses-on-failure",
  async (input: AddressIds) => new StepResponse(undefined, input),
  async (before, { container }) => {
    if (!before) return
    const carts = container.resolve(Modules.CART)
    const [now] = await carts.listCarts(
      { id: before.cart_id },
      { select: ["id", "shipping_address_id", "billing_address_id"] }
    )
    if (!now) return
    const current = now as unknown as { shipping_address_id?: string | null; billing_address_id?: string | null }
    const written = [current.shipping_address_id, current.billing_address_id].filter(
      (id): id is string => !!id && id !== before.shipping_address_id && id !== before.billing_address_id
    )
    if (!written.length) return
    // The cart module's update does not move an address reference back (its relation wins over the
    // id column), so the two references are put back by one statement.
    const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql
    await db.raw("update cart set shipping_address_id = ?, billing_address_id = ? where id = ?", [
      before.shipping_address_id,
      before.billing_address_id,
      before.cart_id,
    ])
    await carts.deleteAddresses([...new Set(written)])
  }
)
