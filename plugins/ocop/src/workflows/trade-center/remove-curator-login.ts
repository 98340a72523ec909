import { auditedStepWorkflow } from "../audited-step"
import { removeCuratorLoginStep } from "../steps/remove-curator-login"

/** A curator removes a colleague's login from its trade centre (never its own), with an audit entry. */
export const removeCuratorLoginWorkflow = auditedStepWorkflow(
  "ocop-remove-curator-login",
  removeCuratorLoginStep,
  (input) => ({
    entity_type: "trade_center",
    entity_id: input.trade_center_id,
    action: "remove_curator",
    data: { auth_identity_id: input.auth_identity_id },
  })
)
