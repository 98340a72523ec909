import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { productIdsOfProducer } from "../../lib/producer-products"

export const producerProductIdsStep = createStep(
  "ocop-producer-product-ids",
  async (producerId: string, { container }) => new StepResponse(await productIdsOfProducer(container, producerId))
)
