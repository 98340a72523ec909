import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import { producerTransition, type ProducerAction } from "../../lib/transitions"

export type ChangeProducerStatusInput = {
  producer_id: string
  action: ProducerAction
  reason?: string | null
  actor_type?: string
  actor_id?: string | null
}

export const validateProducerStatusChangeStep = createStep(
  "ocop-validate-producer-status-change",
  async (input: ChangeProducerStatusInput, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const [producer] = await ocop.listProducers({ id: input.producer_id }, { take: 1 })
    if (!producer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer ${input.producer_id} was not found.`)
    const transition = producerTransition(producer.status, input.action)
    if ("error" in transition) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, transition.error)
    const reason = input.reason?.trim() || null
    if (input.action === "suspend" && !reason) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "A reason is required to suspend a producer.")
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "producer",
      fields: ["id", "products.id"],
      filters: { id: producer.id },
    })
    const productIds = ((data[0] as any)?.products ?? []).filter(Boolean).map((p: any) => p.id as string)
    return new StepResponse({ producer, to: transition.to, reason, productIds })
  }
)
