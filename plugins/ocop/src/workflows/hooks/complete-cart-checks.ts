import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertVariantsListedInDatabase, type LinesWithVariants, variantIdsOf } from "../../lib/cart-gate"
import { assertDeliveryStillApplies } from "../../lib/delivery-still-applies"
import { timedGuard } from "../../observability/checkout-guards"

/**
 * Medusa's completion (POST /store/carts/:id/complete, and a payment provider's webhook completing a cart)
 * makes the checks ours makes (workflows/checkout/complete), in its run: after it has taken the cart's lock
 * and read the cart, before the order is created. A workflow has one handler per hook, so both are here.
 * - the listing gate: no unlisted product leaves the cart as an order (lib/cart-gate.ts, one statement);
 * - the delivery check: each parcel's delivery option still applies at the fee on the cart
 *   (lib/delivery-still-applies.ts). Under the cart's lock, nothing the shopper does to the cart's delivery
 *   can come between the check and the order (it ran as a middleware before the lock until session 5).
 * Each timed like the other checks (ocop_checkout_guard_seconds: the plugin's share of a checkout).
 */
completeCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const lines = cart as LinesWithVariants & { id?: string }
  await timedGuard("listing_gate", () => assertVariantsListedInDatabase(container, variantIdsOf(lines)))
  await timedGuard("delivery_check", () => assertDeliveryStillApplies(container, lines?.id ?? input.id))
})
