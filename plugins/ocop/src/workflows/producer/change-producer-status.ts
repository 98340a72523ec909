import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProducersStep } from "../steps/update-producers"
import { recordAuditEventsStep } from "../steps/record-audit-events"
import { refreshListingsWorkflow } from "../listing/refresh-listings"
import {
  validateProducerStatusChangeStep,
  type ChangeProducerStatusInput,
} from "../steps/validate-producer-status-change"
import { auditEvent } from "../../lib/audit"

export type { ChangeProducerStatusInput } from "../steps/validate-producer-status-change"

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
      auditEvent(
        {
          entity_type: "producer",
          entity_id: checked.producer.id,
          action: input.action,
          message: checked.reason,
          data: { from: checked.producer.status, to: checked.to },
        },
        input
      ),
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
