import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { producerTransition, type ProducerAction } from "../../lib/transitions"
import { updateProducersStep } from "../steps/update-producers"
import { recordAuditEventsStep } from "../steps/record-audit-events"
import { refreshListingsWorkflow } from "../listing/refresh-listings"

export type ChangeProducerStatusInput = {
  producer_id: string
  action: ProducerAction
  reason?: string | null
  actor_type?: string
  actor_id?: string | null
}

const validateProducerStatusChangeStep = createStep(
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

/** approve / suspend / reactivate a producer; its products follow through the listing gate. */
export const changeProducerStatusWorkflow = createWorkflow(
  "ocop-change-producer-status",
  (input: ChangeProducerStatusInput) => {
    const checked = validateProducerStatusChangeStep(input)
    const updates = transform({ checked }, ({ checked }) => [
      { id: checked.producer.id, status: checked.to, status_reason: checked.reason },
    ])
    updateProducersStep(updates)
    const audit = transform({ checked, input }, ({ checked, input }) => [
      {
        entity_type: "producer" as const,
        entity_id: checked.producer.id,
        action: input.action,
        actor_type: input.actor_type ?? "user",
        actor_id: input.actor_id ?? null,
        message: checked.reason,
        data: { from: checked.producer.status, to: checked.to },
      },
    ])
    recordAuditEventsStep(audit)
    const refreshInput = transform({ checked, input }, ({ checked, input }) => ({
      product_ids: checked.productIds,
      reason: `producer ${input.action}`,
    }))
    refreshListingsWorkflow.runAsStep({ input: refreshInput })
    const result = transform({ checked }, ({ checked }) => ({ id: checked.producer.id, status: checked.to }))
    return new WorkflowResponse(result)
  }
)
