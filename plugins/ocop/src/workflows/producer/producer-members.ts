import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordAuditEventOfInput } from "../steps/record-audit-events"
import {
  createProducerMemberLoginStep,
  type CreateProducerMemberLoginInput,
} from "../steps/create-producer-member-login"
import {
  removeProducerMemberLoginStep,
  type RemoveProducerMemberLoginInput,
} from "../steps/remove-producer-member-login"
import type { AuditActor } from "../../lib/audit"

/** A producer invites a second login to its shop (as a trade centre invites a curator), with an audit entry. */
export const inviteProducerMemberWorkflow = createWorkflow(
  "ocop-invite-producer-member",
  (input: CreateProducerMemberLoginInput & AuditActor) => {
    const login = createProducerMemberLoginStep(input)
    recordAuditEventOfInput({ input, login }, ({ input, login }) => ({
      entity_type: "producer",
      entity_id: input.producer_id,
      action: "add_member",
      data: { email: input.email, auth_identity_id: login.auth_identity_id },
    }))
    return new WorkflowResponse(login)
  }
)

/** A producer removes a member's login from its shop (never the owner, never its own), with an audit entry. */
export const removeProducerMemberWorkflow = createWorkflow(
  "ocop-remove-producer-member",
  (input: RemoveProducerMemberLoginInput & AuditActor) => {
    const removed = removeProducerMemberLoginStep(input)
    recordAuditEventOfInput({ input }, ({ input }) => ({
      entity_type: "producer",
      entity_id: input.producer_id,
      action: "remove_member",
      data: { auth_identity_id: input.auth_identity_id },
    }))
    return new WorkflowResponse(removed)
  }
)
