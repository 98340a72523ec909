import { addToCartWorkflow, completeCartWorkflow, createCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertVariantsListed, assertVariantsListedInDatabase } from "../../lib/cart-gate"
import { timedGuard } from "../../observability/checkout-guards"

// The listing gate at the till: no unlisted product enters a cart or leaves it as an order.
addToCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  await timedGuard("listing_gate", () =>
    assertVariantsListed(container, ((input as any).items ?? []).map((i: any) => i.variant_id).filter(Boolean))
  )
})

// A new cart's lines (POST /store/ocop/carts): the database's form of the same check, in one statement.
createCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  await timedGuard("listing_gate", () =>
    assertVariantsListedInDatabase(
      container,
      ((input as any).items ?? []).map((i: any) => i.variant_id).filter(Boolean)
    )
  )
})

completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  await timedGuard("listing_gate", () =>
    assertVariantsListed(container, ((cart as any).items ?? []).map((i: any) => i.variant_id).filter(Boolean))
  )
})
