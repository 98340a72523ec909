import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"

export const linkProductToProducerStep = createStep(
  "ocop-link-product-to-producer",
  async (input: { product_id: string; producer_id: string }, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [producer] = await ocop.listProducers({ id: input.producer_id }, { take: 1 })
    if (!producer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer ${input.producer_id} was not found.`)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "producer.id"],
      filters: { id: input.product_id },
    })
    const product: any = data[0]
    if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${input.product_id} was not found.`)
    if (product.producer?.id === input.producer_id) return new StepResponse(input, null)
    if (product.producer?.id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This product already belongs to another producer.")
    }
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const row = {
      [Modules.PRODUCT]: { product_id: input.product_id },
      [OCOP_MODULE]: { producer_id: input.producer_id },
    }
    await link.create(row)
    return new StepResponse(input, row)
  },
  async (row, { container }) => {
    if (!row) return
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss(row)
  }
)
