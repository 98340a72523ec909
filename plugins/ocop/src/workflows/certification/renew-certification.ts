import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createCertificationStep } from "../steps/create-certification"
import { certificationLockKey, LOCK_TTL_SECONDS, LOCK_WAIT_SECONDS } from "../../lib/conflicts"
import { updateCertificationsStep } from "../steps/update-certifications"
import { recordAuditEventOfInput } from "../steps/record-audit-events"
import { refreshListingsWorkflow } from "../listing/refresh-listings"
import { prepareRenewalStep, type RenewCertificationInput } from "../steps/prepare-renewal"

export type { RenewCertificationInput } from "../steps/prepare-renewal"

/**
 * Công nhận lại / nâng hạng: records the re-evaluation result as a new approved certification.
 * Serialised per certification with the decisions (same lock): a second renewal is a 409.
 */
export const renewCertificationWorkflow = createWorkflow(
  "ocop-renew-certification",
  (input: RenewCertificationInput) => {
    const lockKey = transform({ input }, ({ input }) => certificationLockKey(input.certification_id))
    acquireLockStep({ key: lockKey, timeout: LOCK_WAIT_SECONDS, ttl: LOCK_TTL_SECONDS, executeOnSubWorkflow: true })
    const { previous, record, replayed } = prepareRenewalStep(input)
    const fresh = when({ record }, ({ record }) => !!record).then(() => createCertificationStep(record as any))
    const created = transform({ fresh, replayed }, ({ fresh, replayed }) => fresh ?? replayed)
    const demote = transform({ previous, record }, ({ previous, record }) =>
      record ? [{ id: previous.id, is_current: false }] : []
    )
    updateCertificationsStep(demote)
    recordAuditEventOfInput({ created, previous, input, record }, ({ created, previous, input, record }) =>
      record
        ? {
            entity_type: "certification",
            entity_id: (created as any).id,
            action: "renew",
            data: {
              previous_certification_id: previous.id,
              stars: input.stars,
              product_id: previous.product_id,
              idempotency_key: input.idempotency_key ?? null,
            },
          }
        : null
    )
    const refreshInput = transform({ previous }, ({ previous }) => ({
      product_ids: [previous.product_id],
      reason: "certification renewed",
    }))
    refreshListingsWorkflow.runAsStep({ input: refreshInput })
    releaseLockStep({ key: lockKey, executeOnSubWorkflow: true })
    const result = transform({ created, record }, ({ created, record }) => ({
      certification: created,
      replayed: !record,
    }))
    return new WorkflowResponse(result)
  }
)
