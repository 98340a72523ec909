import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  validateCertificationDecisionStep,
  type CertificationDecisionInput,
} from "../steps/validate-certification-decision"
import { observeCertificationStep } from "../steps/observe-certification"
import { updateCertificationsStep } from "../steps/update-certifications"
import { recordAuditEventOfInput } from "../steps/record-audit-events"
import { refreshListingsWorkflow } from "../listing/refresh-listings"
import { certificationLockKey, LOCK_TTL_SECONDS, LOCK_WAIT_SECONDS } from "../../lib/conflicts"

/**
 * approve / reject / suspend / reinstate / revoke one certification, then re-run the gate for its
 * product. One decision at a time per certification: the state is read and checked inside the
 * certification's lock, and a decision recorded while a request waited makes that request a 409,
 * so of decisions racing on one certification exactly one wins.
 */
export const decideCertificationWorkflow = createWorkflow(
  "ocop-decide-certification",
  (input: CertificationDecisionInput) => {
    const observed = observeCertificationStep({ certification_id: input.certification_id })
    const lockKey = transform({ input }, ({ input }) => certificationLockKey(input.certification_id))
    acquireLockStep({ key: lockKey, timeout: LOCK_WAIT_SECONDS, ttl: LOCK_TTL_SECONDS, executeOnSubWorkflow: true })
    const checkInput = transform({ input, observed }, ({ input, observed }) => ({ ...input, observed }))
    const decision = validateCertificationDecisionStep(checkInput)
    const updates = transform({ decision }, ({ decision }) => decision.updates)
    updateCertificationsStep(updates)
    recordAuditEventOfInput({ decision, input }, ({ decision, input }) =>
      decision.replayed
        ? null
        : {
            entity_type: "certification",
            entity_id: decision.certification.id,
            action: input.action,
            message: input.reason ?? null,
            data: {
              from: decision.certification.status,
              to: decision.to,
              product_id: decision.certification.product_id,
              idempotency_key: input.idempotency_key ?? null,
            },
          }
    ).config({ name: "audit-certification-decision" })
    const refreshInput = transform({ decision, input }, ({ decision, input }) => ({
      product_ids: [decision.certification.product_id],
      reason: `certification ${input.action}`,
    }))
    refreshListingsWorkflow.runAsStep({ input: refreshInput })
    releaseLockStep({ key: lockKey, executeOnSubWorkflow: true })
    const result = transform({ decision }, ({ decision }) => ({
      certification: { id: decision.certification.id, status: decision.to },
      replayed: decision.replayed,
    }))
    return new WorkflowResponse(result)
  }
)
