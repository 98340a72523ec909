import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { EXPIRY_WARNING_DAYS } from "../../lib/validity"
import { updateCertificationsStep } from "../steps/update-certifications"
import { recordAuditEventsStep } from "../steps/record-audit-events"
import { refreshListingsWorkflow } from "../listing/refresh-listings"

export const CERTIFICATION_EXPIRING_EVENT = "ocop.certification.expiring"
export const CERTIFICATION_EXPIRED_EVENT = "ocop.certification.expired"

const findDueCertificationsStep = createStep(
  "ocop-find-due-certifications",
  async (input: { now?: string | Date }, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const now = input.now ? new Date(input.now) : new Date()
    const warnBefore = new Date(now.getTime() + EXPIRY_WARNING_DAYS * 24 * 3600 * 1000)
    const expired = await ocop.listCertifications(
      { status: ["approved", "suspended"], expires_at: { $lte: now } },
      { select: ["id", "product_id", "certificate_number", "expires_at"] }
    )
    // Each certificate is warned once: expiry_warning_sent_at makes a second run a no-op.
    const expiring = await ocop.listCertifications(
      { status: ["approved"], expires_at: { $gt: now, $lte: warnBefore }, expiry_warning_sent_at: null },
      { select: ["id", "product_id", "producer_id", "certificate_number", "expires_at"] as any }
    )
    return new StepResponse({ now: now.toISOString(), expired, expiring })
  }
)

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
      ...due.expired.map((c) => ({
        entity_type: "certification" as const,
        entity_id: c.id,
        action: "expire",
        message: `Certificate ${c.certificate_number} reached its expiry date.`,
        data: { product_id: c.product_id, expires_at: c.expires_at },
      })),
      ...due.expiring.map((c) => ({
        entity_type: "certification" as const,
        entity_id: c.id,
        action: "expiry_warning",
        message: `Certificate ${c.certificate_number} expires within ${EXPIRY_WARNING_DAYS} days.`,
        data: { product_id: c.product_id, expires_at: c.expires_at },
      })),
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
