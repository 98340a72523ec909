import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export const producerProductIdsStep = createStep(
  "ocop-producer-product-ids",
  async (producerId: string, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "producer", fields: ["products.id"], filters: { id: producerId } })
    return new StepResponse(((data[0] as any)?.products ?? []).filter(Boolean).map((p: any) => p.id as string))
  }
)
