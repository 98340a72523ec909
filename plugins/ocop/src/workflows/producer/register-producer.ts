import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createProducerStep, type CreateProducerInput } from "../steps/create-producer"
import { recordAuditEventOfInput } from "../steps/record-audit-events"

/** A producer signs up (or an operator registers one): it starts as "pending" until approved. */
export const registerProducerWorkflow = createWorkflow(
  "ocop-register-producer",
  (input: CreateProducerInput & { actor_type?: string; actor_id?: string | null }) => {
    const fields = transform({ input }, ({ input }) => {
      const { actor_type, actor_id, ...rest } = input
      return rest
    })
    const producer = createProducerStep(fields)
    recordAuditEventOfInput({ producer, input }, ({ producer, input }) => ({
      entity_type: "producer",
      entity_id: (producer as any).id,
      action: "register",
      data: { name: input.name, province_code: input.province_code, entity_type: input.entity_type },
    }))
    return new WorkflowResponse(producer)
  }
)
