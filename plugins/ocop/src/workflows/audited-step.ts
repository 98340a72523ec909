import {
  createWorkflow,
  type StepFunction,
  transform,
  type WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { AuditActor, AuditEventInput } from "../lib/audit"
import { recordAuditEventOfInput } from "./steps/record-audit-events"

/**
 * A workflow of one step and its audit entry: runs `step` on the request (the input without its
 * actor, which only the audit trail needs), then records the event made from the input and the
 * step's result, by the input's actor (the entry is undone with the step).
 */
export function auditedStepWorkflow<Input, Output>(
  name: string,
  step: StepFunction<Input, Output>,
  event: (input: Input, output: Output) => AuditEventInput
) {
  return createWorkflow(name, (input: WorkflowData<Input & AuditActor>) => {
    // The SDK's step types do not follow a generic Output; the step's result is what it declares.
    const request = transform({ input }, ({ input }) => {
      const { actor_type: _type, actor_id: _id, ...request } = input as Input & AuditActor
      return request
    })
    const output = step(request as WorkflowData<Input>) as unknown as WorkflowData<Output>
    recordAuditEventOfInput({ input, output }, ({ input, output }) => event(input as Input, output as Output))
    return new WorkflowResponse(output)
  })
}
