import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertVariantsListed } from "../../../lib/cart-gate"
import { timedGuard } from "../../../observability/checkout-guards"

/** The listing gate at the till (the same check as the hook on Medusa's addToCartWorkflow). */
export const assertVariantsListedStep = createStep(
  "ocop-assert-variants-listed",
  async (variantIds: string[], { container }) => {
    await timedGuard("listing_gate", () => assertVariantsListed(container, variantIds))
    return new StepResponse(true)
  }
)
