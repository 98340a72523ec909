import { addToCartWorkflow, createCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertVariantsListedInDatabase, type LinesWithVariants, variantIdsOf } from "../../lib/cart-gate"
import { timedGuard } from "../../observability/checkout-guards"

// The listing gate at the till on Medusa's own routes (ours call the same check): no unlisted product
// enters a cart or leaves it as an order (the completion's: workflows/hooks/complete-cart-checks.ts).
// One statement each (lib/cart-gate.ts).
addToCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  await timedGuard("listing_gate", () =>
    assertVariantsListedInDatabase(container, variantIdsOf(input as LinesWithVariants))
  )
})

createCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  await timedGuard("listing_gate", () =>
    assertVariantsListedInDatabase(container, variantIdsOf(input as LinesWithVariants))
  )
})
