import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { EXPIRY_WARNING_DAYS } from "../../lib/validity"
import { updateCertificationsStep } from "../steps/update-certifications"
import { recordAuditEventsStep } from "../steps/record-audit-events"
import { refreshListingsWorkflow } from "../listing/refresh-listings"
import { findDueCertificationsStep } from "../steps/find-due-certifications"
import { auditEvent } from "../../lib/audit"

export const CERTIFICATION_EXPIRING_EVENT = "ocop.certification.expiring"
export const CERTIFICATION_EXPIRED_EVENT = "ocop.certification.expired"

/**
 * Daily: certificates whose expires_at has passed become "expired" (and their products leave the
 * marketplace); certificates entering their last 30 days emit one "expiring" event each.
 * Idempotent: a second run on the same day changes nothing.
 */
export const expireCertificationsWorkflow = createWorkflow(
  "ocop-expire-certifications",
  (input: { now?: string | Date }) => {
    const due = findDueCertificationsStep(input)
    const updates = transform({ due }, ({ due }) => [
      ...due.expired.map((c) => ({ id: c.id, status: "expired", is_current: true })),
      ...due.expiring.map((c) => ({ id: c.id, expiry_warning_sent_at: new Date(due.now) })),
    ])
    updateCertificationsStep(updates)
    const audit = transform({ due }, ({ due }) => [
      ...due.expired.map((c) =>
        auditEvent({
          entity_type: "certification",
          entity_id: c.id,
          action: "expire",
          message: `Certificate ${c.certificate_number} reached its expiry date.`,
          data: { product_id: c.product_id, expires_at: c.expires_at },
        })
      ),
      ...due.expiring.map((c) =>
        auditEvent({
          entity_type: "certification",
          entity_id: c.id,
          action: "expiry_warning",
          message: `Certificate ${c.certificate_number} expires within ${EXPIRY_WARNING_DAYS} days.`,
          data: { product_id: c.product_id, expires_at: c.expires_at },
        })
      ),
    ])
    recordAuditEventsStep(audit)
    const refreshInput = transform({ due }, ({ due }) => ({
      product_ids: due.expired.map((c) => c.product_id),
      reason: "certificate expired",
    }))
    refreshListingsWorkflow.runAsStep({ input: refreshInput })
    const expiringEvents = transform({ due }, ({ due }) =>
      due.expiring.map((c: any) => ({
        id: c.id,
        product_id: c.product_id,
        producer_id: c.producer_id,
        certificate_number: c.certificate_number,
        expires_at: c.expires_at,
      }))
    )
    emitEventStep({ eventName: CERTIFICATION_EXPIRING_EVENT, data: expiringEvents } as any).config({
      name: "emit-expiring",
    })
    const expiredEvents = transform({ due }, ({ due }) =>
      due.expired.map((c) => ({ id: c.id, product_id: c.product_id }))
    )
    emitEventStep({ eventName: CERTIFICATION_EXPIRED_EVENT, data: expiredEvents } as any).config({
      name: "emit-expired",
    })
    const result = transform({ due }, ({ due }) => ({
      expired: due.expired.map((c) => c.id),
      warned: due.expiring.map((c) => c.id),
    }))
    return new WorkflowResponse(result)
  }
)

/**
 * The expiry, one run at a time for the whole marketplace: the worker's schedule, an operator's
 * "run now" and any second server all take the same lock (Medusa's Locking Module — Redis when the
 * backend runs as a cluster, in-process otherwise), so no certificate is expired or warned twice by
 * runs that read the same due list at the same moment. A run waits up to 2 minutes for the lock.
 */
export async function runExpiryExclusively(container: MedusaContainer, input: { now?: string | Date } = {}) {
  const locking = container.resolve(Modules.LOCKING)
  return locking.execute(
    "ocop:certification-expiry",
    async () => (await expireCertificationsWorkflow(container).run({ input })).result,
    { timeout: 120 }
  )
}
