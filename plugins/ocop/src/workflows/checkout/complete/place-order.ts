import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { assertVariantsListedInDatabase } from "../../../lib/cart-gate"
import { checkoutLockKey, conflictText, isLockTimeout, LOCK_WAIT_SECONDS } from "../../../lib/conflicts"
import { guardTimer, timedGuard } from "../../../observability/checkout-guards"
import { readChannelStock, shortOfStock, type StockedLine } from "../../../lib/channel-stock"
import {
  CHECKOUT_CART_FIELDS,
  type CheckoutCartToComplete,
  managedVariantIds,
  stockedInventoryItemIds,
  variantsForReservation,
} from "./checkout-cart"
import { completeCheckoutWorkflow } from "./complete-checkout"

/** Medusa's completion waits this long for the cart's lock (completeCartWorkflow's acquireLockStep). */
const CART_LOCK_SECONDS = 30

/** A completion refused before anything was written: the last units went to others, or the wait was too long. */
export class CheckoutConflict extends Error {
  constructor(readonly code: "sold_out" | "busy") {
    super(code === "sold_out" ? conflictText.soldOut() : conflictText.checkoutBusy())
  }
}

/** The cart's lines of variants whose stock is counted (managed, no backorders). */
const stockedLines = (cart: CheckoutCartToComplete): StockedLine[] =>
  (cart.items ?? []).flatMap((line) =>
    line?.variant?.manage_inventory && !line.variant.allow_backorder && line.variant_id
      ? [{ variant_id: line.variant_id, quantity: Number(line.quantity) }]
      : []
  )

/**
 * The storefront's completion (POST /store/ocop/checkout/:id/complete): Medusa's completeCartWorkflow
 * with the work that cannot change the answer taken out (complete-checkout.ts says which).
 *
 * Under the cart's lock — the key Medusa's own completion takes, so the two routes never complete one
 * cart twice — the cart is read once. A cart that has its order already answers that order (a double
 * click, a retry after a lost answer); another shopper's cart does not exist. Then, under the
 * checkout lock of each stocked item (api/utils/checkout-gate.ts takes the same ones for Medusa's
 * route), the stock is read once: a shopper who comes too late is told "sold out" before anything is
 * written, one who waited longer than LOCK_WAIT_SECONDS "try again"; the order is placed inside.
 */
export async function placeOrder(
  container: MedusaContainer,
  input: { cart_id: string; customer_id?: string | null }
): Promise<{ order_id: string }> {
  const locking = container.resolve(Modules.LOCKING)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  return locking.execute(
    input.cart_id,
    async () => {
      const { data } = await query.graph({
        entity: "cart",
        fields: CHECKOUT_CART_FIELDS,
        filters: { id: input.cart_id },
      })
      const cart = data[0] as CheckoutCartToComplete | undefined
      if (!cart || (cart.customer?.has_account && cart.customer_id !== (input.customer_id ?? null))) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${input.cart_id} was not found`)
      }
      if (cart.order?.id) return { order_id: cart.order.id }
      if (cart.completed_at) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart with id: ${cart.id} is already completed`)
      }
      const variantIds = [...new Set((cart.items ?? []).flatMap((i) => (i?.variant_id ? [i.variant_id] : [])))]
      // The listing gate needs no lock: it runs while the stock locks are awaited, and is awaited with the stock read.
      const listed = timedGuard("listing_gate", () => assertVariantsListedInDatabase(container, variantIds))
      listed.catch(() => undefined) // awaited below; a refusal must not count as unhandled meanwhile

      const placeUnderStockLocks = async () => {
        // One statement (the adds' reader): the managed variants' items and their levels in the cart's channel.
        const managed = managedVariantIds(cart)
        const [stock] = await Promise.all([
          managed.length
            ? timedGuard("checkout_stock_check", () =>
                readChannelStock(container, cart.sales_channel_id ?? "", managed)
              )
            : [],
          listed,
        ])
        if (shortOfStock(stockedLines(cart), stock)) throw new CheckoutConflict("sold_out")
        const { result } = await completeCheckoutWorkflow(container).run({
          input: { cart, variants: variantsForReservation(cart, stock) },
        })
        return { order_id: result.id }
      }
      const keys = stockedInventoryItemIds(cart)
      if (!keys.length) return placeUnderStockLocks()
      const waited = guardTimer("checkout_stock_lock_wait")
      let entered = false
      try {
        return await locking.execute(
          keys.map(checkoutLockKey),
          () => {
            entered = true
            waited()
            return placeUnderStockLocks()
          },
          { timeout: LOCK_WAIT_SECONDS }
        )
      } catch (error) {
        waited()
        if (!entered) await listed // an unlisted product is the answer, before "try again"
        if (!entered && isLockTimeout(error)) throw new CheckoutConflict("busy")
        throw error
      }
    },
    { timeout: CART_LOCK_SECONDS }
  )
}
