import {
  createWorkflow,
  transform,
  WorkflowResponse,
  createStep,
  StepResponse,
} from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateProducersStep } from "../steps/update-producers"
import { recordAuditEventsStep } from "../steps/record-audit-events"

export const PRODUCER_UPDATED_EVENT = "ocop.producer.updated"

export type UpdateProducerInput = {
  producer_id: string
  update: {
    name?: string
    story?: string | null
    phone?: string | null
    email?: string | null
    ward?: string | null
    address?: string | null
    logo_url?: string | null
  }
  actor_type?: string
  actor_id?: string | null
}

const producerProductIdsStep = createStep("ocop-producer-product-ids", async (producerId: string, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "producer", fields: ["products.id"], filters: { id: producerId } })
  return new StepResponse(((data[0] as any)?.products ?? []).filter(Boolean).map((p: any) => p.id as string))
})

/** A producer edits its shop profile; search re-indexes its products (the name is on every hit). */
export const updateProducerWorkflow = createWorkflow("ocop-update-producer", (input: UpdateProducerInput) => {
  const updates = transform({ input }, ({ input }) => [{ id: input.producer_id, ...input.update }])
  const updated = updateProducersStep(updates)
  const productIds = producerProductIdsStep(input.producer_id)
  const audit = transform({ input }, ({ input }) => [
    {
      entity_type: "producer" as const,
      entity_id: input.producer_id,
      action: "update",
      actor_type: input.actor_type ?? "user",
      actor_id: input.actor_id ?? null,
      data: { fields: Object.keys(input.update) },
    },
  ])
  recordAuditEventsStep(audit)
  const eventData = transform({ input, productIds }, ({ input, productIds }) => ({
    id: input.producer_id,
    product_ids: productIds,
  }))
  emitEventStep({ eventName: PRODUCER_UPDATED_EVENT, data: eventData } as any)
  const result = transform({ updated }, ({ updated }) => (updated as any[])[0])
  return new WorkflowResponse(result)
})
