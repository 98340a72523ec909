import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordAuditEventsStep } from "../steps/record-audit-events"
import { removeCuratorLoginStep, type RemoveCuratorLoginInput } from "../steps/remove-curator-login"
import { auditEvent } from "../../lib/audit"

/** A curator removes a colleague's login from its trade centre (never its own), with an audit entry. */
export const removeCuratorLoginWorkflow = createWorkflow(
  "ocop-remove-curator-login",
  (input: RemoveCuratorLoginInput & { actor_type?: string; actor_id?: string | null }) => {
    const removed = removeCuratorLoginStep(input)
    const audit = transform({ input }, ({ input }) => [
      auditEvent(
        {
          entity_type: "trade_center",
          entity_id: input.trade_center_id,
          action: "remove_curator",
          data: { auth_identity_id: input.auth_identity_id },
        },
        input
      ),
    ])
    recordAuditEventsStep(audit)
    return new WorkflowResponse(removed)
  }
)
