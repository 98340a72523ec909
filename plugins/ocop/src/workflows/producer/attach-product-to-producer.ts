import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { refreshListingsWorkflow } from "../listing/refresh-listings"
import { recordAuditEventsStep } from "../steps/record-audit-events"

const linkProductToProducerStep = createStep(
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

/** Gives a product its producer (the shop that sells it). */
export const attachProductToProducerWorkflow = createWorkflow(
  "ocop-attach-product-to-producer",
  (input: { product_id: string; producer_id: string; actor_type?: string; actor_id?: string | null }) => {
    const linked = linkProductToProducerStep(input)
    const audit = transform({ input }, ({ input }) => [
      {
        entity_type: "producer" as const,
        entity_id: input.producer_id,
        action: "attach_product",
        actor_type: input.actor_type ?? "user",
        actor_id: input.actor_id ?? null,
        data: { product_id: input.product_id },
      },
    ])
    recordAuditEventsStep(audit)
    const refreshInput = transform({ input }, ({ input }) => ({
      product_ids: [input.product_id],
      reason: "product attached to producer",
    }))
    refreshListingsWorkflow.runAsStep({ input: refreshInput })
    return new WorkflowResponse(linked)
  }
)
