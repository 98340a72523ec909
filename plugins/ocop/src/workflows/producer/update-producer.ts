import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateProducersStep } from "../steps/update-producers"
import { recordAuditEventsStep } from "../steps/record-audit-events"
import { producerProductIdsStep } from "../steps/producer-product-ids"
import { auditEvent } from "../../lib/audit"

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

/** A producer edits its shop profile; search re-indexes its products (the name is on every hit). */
export const updateProducerWorkflow = createWorkflow("ocop-update-producer", (input: UpdateProducerInput) => {
  const updates = transform({ input }, ({ input }) => [{ id: input.producer_id, ...input.update }])
  const updated = updateProducersStep(updates)
  const productIds = producerProductIdsStep(input.producer_id)
  const audit = transform({ input }, ({ input }) => [
    auditEvent(
      {
        entity_type: "producer",
        entity_id: input.producer_id,
        action: "update",
        data: { fields: Object.keys(input.update) },
      },
      input
    ),
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
