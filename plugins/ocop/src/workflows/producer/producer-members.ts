import { auditedStepWorkflow } from "../audited-step"
import { createProducerMemberLoginStep } from "../steps/create-producer-member-login"
import { removeProducerMemberLoginStep } from "../steps/remove-producer-member-login"

/** A producer invites a second login to its shop (as a trade centre invites a curator), with an audit entry. */
export const inviteProducerMemberWorkflow = auditedStepWorkflow(
  "ocop-invite-producer-member",
  createProducerMemberLoginStep,
  (input, login) => ({
    entity_type: "producer",
    entity_id: input.producer_id,
    action: "add_member",
    data: { email: input.email, auth_identity_id: login.auth_identity_id },
  })
)

/** A producer removes a member's login from its shop (never the owner, never its own), with an audit entry. */
export const removeProducerMemberWorkflow = auditedStepWorkflow(
  "ocop-remove-producer-member",
  removeProducerMemberLoginStep,
  (input) => ({
    entity_type: "producer",
    entity_id: input.producer_id,
    action: "remove_member",
    data: { auth_identity_id: input.auth_identity_id },
  })
)
