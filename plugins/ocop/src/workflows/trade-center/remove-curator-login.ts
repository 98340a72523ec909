import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordAuditEventOfInput } from "../steps/record-audit-events"
import { removeCuratorLoginStep, type RemoveCuratorLoginInput } from "../steps/remove-curator-login"
import type { AuditActor } from "../../lib/audit"

/** A curator removes a colleague's login from its trade centre (never its own), with an audit entry. */
export const removeCuratorLoginWorkflow = createWorkflow(
  "ocop-remove-curator-login",
  (input: RemoveCuratorLoginInput & AuditActor) => {
    const removed = removeCuratorLoginStep(input)
    recordAuditEventOfInput({ input }, ({ input }) => ({
      entity_type: "trade_center",
      entity_id: input.trade_center_id,
      action: "remove_curator",
      data: { auth_identity_id: input.auth_identity_id },
    }))
    return new WorkflowResponse(removed)
  }
)
