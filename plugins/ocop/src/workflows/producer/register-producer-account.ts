import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { ensureLoginWithoutProducerStep } from "../steps/ensure-login-without-producer"
import { authIdentityLockKey, LOCK_TTL_SECONDS, LOCK_WAIT_SECONDS } from "../../lib/conflicts"
import { createProducerStep, type CreateProducerInput } from "../steps/create-producer"
import { recordAuditEventsStep } from "../steps/record-audit-events"
import { auditEvent } from "../../lib/audit"

/**
 * Self-service sign-up: the person who registered an emailpass identity for actor "producer"
 * creates their producer (status pending) and becomes its member (app_metadata.producer_id).
 * One producer per login: the check and the link happen inside the login's lock, so a replayed
 * token never leaves a producer that no login can reach.
 */
export const registerProducerAccountWorkflow = createWorkflow(
  "ocop-register-producer-account",
  (input: { auth_identity_id: string; producer: CreateProducerInput }) => {
    const lockKey = transform({ input }, ({ input }) => authIdentityLockKey(input.auth_identity_id))
    acquireLockStep({ key: lockKey, timeout: LOCK_WAIT_SECONDS, ttl: LOCK_TTL_SECONDS, executeOnSubWorkflow: true })
    ensureLoginWithoutProducerStep({ auth_identity_id: input.auth_identity_id })
    const fields = transform({ input }, ({ input }) => ({ ...input.producer, status: "pending" as const }))
    const producer = createProducerStep(fields)
    const metadata = transform({ producer, input }, ({ producer, input }) => ({
      authIdentityId: input.auth_identity_id,
      actorType: "producer",
      value: (producer as any).id,
    }))
    setAuthAppMetadataStep(metadata)
    const audit = transform({ producer, input }, ({ producer, input }) => [
      auditEvent(
        {
          entity_type: "producer",
          entity_id: (producer as any).id,
          action: "register",
          data: { auth_identity_id: input.auth_identity_id, province_code: input.producer.province_code },
        },
        { actor_type: "producer", actor_id: (producer as any).id }
      ),
    ])
    recordAuditEventsStep(audit)
    releaseLockStep({ key: lockKey, executeOnSubWorkflow: true })
    return new WorkflowResponse(producer)
  }
)
