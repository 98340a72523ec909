import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { evaluateListings } from "../../lib/listing-evaluation"

export type { ListingEvaluation } from "../../lib/listing-evaluation"

export const evaluateListingsStep = createStep(
  "ocop-evaluate-listings",
  async (input: { product_ids: string[] }, { container }) => {
    return new StepResponse(await evaluateListings(container, input.product_ids))
  }
)
