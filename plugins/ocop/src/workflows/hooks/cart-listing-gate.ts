import { addToCartWorkflow, createCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertVariantsListedInDatabase } from "../../lib/cart-gate"
import { timedGuard } from "../../observability/checkout-guards"

type WithVariants = { items?: Array<{ variant_id?: string | null } | null> | null }
const variantIdsOf = (lines: WithVariants | null | undefined) =>
  (lines?.items ?? []).flatMap((i) => (i?.variant_id ? [i.variant_id] : []))

// The listing gate at the till on Medusa's own routes (ours call the same check): no unlisted product
// enters a cart or leaves it as an order (the completion's: workflows/hooks/complete-cart-checks.ts).
// One statement each (lib/cart-gate.ts).
addToCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  await timedGuard("listing_gate", () => assertVariantsListedInDatabase(container, variantIdsOf(input as WithVariants)))
})

createCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  await timedGuard("listing_gate", () => assertVariantsListedInDatabase(container, variantIdsOf(input as WithVariants)))
})
