import { auditedStepWorkflow } from "../audited-step"
import { createProducerStep } from "../steps/create-producer"

/** A producer signs up (or an operator registers one): it starts as "pending" until approved. */
export const registerProducerWorkflow = auditedStepWorkflow(
  "ocop-register-producer",
  createProducerStep,
  (input, producer) => ({
    entity_type: "producer",
    entity_id: producer.id,
    action: "register",
    data: { name: input.name, province_code: input.province_code, entity_type: input.entity_type },
  })
)
