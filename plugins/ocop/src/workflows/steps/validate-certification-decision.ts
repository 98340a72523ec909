import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { CERTIFICATION_ACTIONS_NEEDING_REASON, certificationTransition, type CertificationAction } from "../../lib/transitions"
import { validityOnApproval } from "../../lib/certification-rules"

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
}

/** Checks the decision is allowed and returns the updates it implies (no writes). */
export const validateCertificationDecisionStep = createStep(
  "ocop-validate-certification-decision",
  async (input: CertificationDecisionInput, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const [cert] = await ocop.listCertifications({ id: input.certification_id }, { take: 1 })
    if (!cert) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Certification ${input.certification_id} was not found.`)
    const transition = certificationTransition(cert.status, input.action)
    if ("error" in transition) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, transition.error)
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
      const window = validityOnApproval(
        {
          valid_from: input.valid_from ?? cert.valid_from ?? input.decision_date ?? cert.decision_date,
          expires_at: input.expires_at ?? cert.expires_at,
        },
        now
      )
      if (window.expires_at <= window.valid_from) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "expires_at must be after valid_from.")
      }
      Object.assign(update, window, { is_current: true })
      if (input.decision_number) update.decision_number = input.decision_number
      if (input.decision_date) update.decision_date = new Date(input.decision_date)
      // The newest approved record becomes the one the product shows; older ones stay as history.
      const others = await ocop.listCertifications({ product_id: cert.product_id, is_current: true }, { select: ["id"] })
      for (const other of others) if (other.id !== cert.id) updates.push({ id: other.id, is_current: false })
    }
    updates.push(update as any)
    return new StepResponse({ certification: cert, updates, to: transition.to })
  }
)
