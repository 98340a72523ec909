import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertVariantsListedInDatabase } from "../../../lib/cart-gate"
import { timedGuard } from "../../../observability/checkout-guards"

/** The listing gate at the till (the database's form of the check the hook on Medusa's addToCartWorkflow makes). */
export const assertVariantsListedStep = createStep(
  "ocop-assert-variants-listed",
  async (variantIds: string[], { container }) => {
    await timedGuard("listing_gate", () => assertVariantsListedInDatabase(container, variantIds))
    return new StepResponse(true)
  }
)
