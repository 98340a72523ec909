import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import {
  CERTIFICATION_ACTIONS_NEEDING_REASON,
  certificationTransition,
  type CertificationAction,
} from "../../lib/transitions"
import { validityOnDecision, validityWindowErrors } from "../../lib/validity"
import { conflictText } from "../../lib/conflicts"
import type { ObservedCertification } from "./observe-certification"
import { madeUnderKey } from "../../lib/audit"
import { throwFieldErrors } from "../../lib/field-errors"

export type CertificationDecisionInput = {
  certification_id: string
  action: Exclude<CertificationAction, "expire">
  reason?: string | null
  valid_from?: string | Date | null
  expires_at?: string | Date | null
  decision_number?: string | null
  decision_date?: string | Date | null
  actor_type?: string
  actor_id?: string | null
  /** The client's Idempotency-Key: a replay returns the first outcome instead of deciding again. */
  idempotency_key?: string | null
}

export type CertificationDecisionPlan = {
  certification: any
  updates: Array<Record<string, unknown> & { id: string }>
  to: string
  /** Set when this request replays an earlier one: nothing is written. */
  replayed: boolean
}

/**
 * Runs inside the certification's lock: reads the state as it is now, checks that no other decision
 * was recorded since the request arrived (`observed`) and that the decision is allowed, and returns
 * the updates it implies (no writes). Either failure is a 409 Conflict: the request lost a race or
 * decides on a state that is gone.
 */
export const validateCertificationDecisionStep = createStep(
  "ocop-validate-certification-decision",
  async (
    input: CertificationDecisionInput & { observed?: ObservedCertification },
    { container }
  ): Promise<StepResponse<CertificationDecisionPlan>> => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const [cert] = await ocop.listCertifications({ id: input.certification_id }, { take: 1 })
    if (!cert)
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Certification ${input.certification_id} was not found.`)

    const earlier = await findIdempotentDecision(ocop, cert.id, input)
    if (earlier) return new StepResponse({ certification: cert, updates: [], to: earlier.to, replayed: true })

    const decidedAt = cert.decided_at ? new Date(cert.decided_at).toISOString() : null
    if (input.observed && (input.observed.status !== cert.status || input.observed.decided_at !== decidedAt)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        conflictText.certificationDecidedMeanwhile(cert.status, input.action)
      )
    }
    const transition = certificationTransition(cert.status, input.action)
    if ("error" in transition) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        conflictText.certificationDecided(cert.status, input.action, transition.allowedFrom)
      )
    }
    const reason = input.reason?.trim() || null
    if (CERTIFICATION_ACTIONS_NEEDING_REASON.includes(input.action) && !reason) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `A reason is required to ${input.action} a certification.`)
    }
    const now = new Date()
    const update: Record<string, unknown> = {
      id: cert.id,
      status: transition.to,
      reason: reason ?? cert.reason,
      decided_by: input.actor_id ?? null,
      decided_at: now,
    }
    const updates: Array<Record<string, unknown> & { id: string }> = []
    if (input.action === "approve") {
      // Validity is the decision's: 36 months from it unless it says otherwise, never a producer's claim.
      const window = validityOnDecision(input, { valid_from: cert.valid_from, expires_at: cert.expires_at }, now)
      const errors = validityWindowErrors({ ...window, decision_date: input.decision_date }, now)
      throwFieldErrors(errors)
      Object.assign(update, window, { is_current: true })
      if (input.decision_number) update.decision_number = input.decision_number
      if (input.decision_date) update.decision_date = new Date(input.decision_date)
      // The newest approved record becomes the one the product shows; older ones stay as history.
      const others = await ocop.listCertifications(
        { product_id: cert.product_id, is_current: true },
        { select: ["id"] }
      )
      for (const other of others) if (other.id !== cert.id) updates.push({ id: other.id, is_current: false })
    }
    updates.push(update as any)
    return new StepResponse({ certification: cert, updates, to: transition.to, replayed: false })
  }
)

/**
 * A decision already recorded under this Idempotency-Key by the same actor on the same
 * certification (the audit entry keeps the key). The same key on another action is a 422.
 */
async function findIdempotentDecision(
  ocop: OcopModuleService,
  certificationId: string,
  input: { action: string; idempotency_key?: string | null; actor_type?: string; actor_id?: string | null }
): Promise<{ to: string } | null> {
  if (!input.idempotency_key) return null
  const events = await ocop.listAuditEvents({ entity_type: "certification", entity_id: certificationId }, { take: 500 })
  const earlier = events.find((e) => madeUnderKey(e, input))
  if (!earlier) return null
  if (earlier.action !== input.action)
    throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, conflictText.idempotencyKeyReused())
  return { to: String((earlier as any).data?.to) }
}
