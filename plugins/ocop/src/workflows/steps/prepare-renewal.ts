import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import { certificationSubmissionErrors } from "../../lib/certification-submission"
import { validityOnDecision } from "../../lib/validity"
import { conflictText } from "../../lib/conflicts"
import { madeUnderKey } from "../../lib/audit"
import { throwFieldErrors } from "../../lib/field-errors"

export type RenewCertificationInput = {
  certification_id: string
  stars: number
  score?: number | null
  certificate_number: string
  decision_number?: string | null
  decision_date?: string | Date | null
  issuing_authority?: string
  valid_from?: string | Date | null
  expires_at?: string | Date | null
  actor_type?: string
  actor_id?: string | null
  idempotency_key?: string | null
}

type RenewalPlan = { previous: any; record: Record<string, unknown> | null; replayed: any | null }

/** Runs inside the previous certification's lock: one renewal per certification, checked as it is now. */
export const prepareRenewalStep = createStep(
  "ocop-prepare-renewal",
  async (input: RenewCertificationInput, { container }): Promise<StepResponse<RenewalPlan>> => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const [previous] = await ocop.listCertifications({ id: input.certification_id }, { take: 1 })
    if (!previous)
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Certification ${input.certification_id} was not found.`)
    const [renewal] = await ocop.listCertifications({ previous_certification_id: previous.id } as any, { take: 1 })
    if (renewal) {
      const replay = input.idempotency_key ? await renewalAuditWithKey(ocop, renewal.id, input) : null
      if (replay) return new StepResponse<RenewalPlan>({ previous, record: null, replayed: renewal })
      throw new MedusaError(MedusaError.Types.CONFLICT, conflictText.certificationRenewed(renewal.id))
    }
    if (["submitted", "rejected"].includes(previous.status)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        conflictText.certificationDecided(previous.status, "renew", ["approved", "suspended", "expired", "revoked"])
      )
    }
    const now = new Date()
    // Like an approval: 36 months from the renewal decision unless it says otherwise, within the rules.
    const window = validityOnDecision(input, {}, now)
    const fields = {
      stars: input.stars,
      score: input.score ?? null,
      group_slug: previous.group_slug,
      subgroup_slug: previous.subgroup_slug,
      province_code: previous.province_code,
      certificate_number: input.certificate_number,
      decision_date: input.decision_date ?? null,
      ...window,
    }
    const errors = await certificationSubmissionErrors(container, {
      ...fields,
      product_id: previous.product_id,
      issuing_authority: "",
    } as any)
    throwFieldErrors(errors)
    const record = {
      ...fields,
      product_id: previous.product_id,
      producer_id: (previous as any).producer_id,
      decision_number: input.decision_number ?? null,
      decision_date: input.decision_date ? new Date(input.decision_date) : window.valid_from,
      issuing_authority: input.issuing_authority ?? previous.issuing_authority,
      legal_basis: previous.legal_basis,
      traceability_code: previous.traceability_code,
      traceability_url: previous.traceability_url,
      recognition_type: input.stars > previous.stars ? "upgrade" : "re_recognition",
      previous_certification_id: previous.id,
      status: "approved",
      is_current: true,
      decided_by: input.actor_id ?? null,
      decided_at: now,
    }
    return new StepResponse<RenewalPlan>({ previous, record, replayed: null })
  }
)

async function renewalAuditWithKey(ocop: OcopModuleService, renewalId: string, input: RenewCertificationInput) {
  const events = await ocop.listAuditEvents(
    { entity_type: "certification", entity_id: renewalId, action: "renew" },
    { take: 10 }
  )
  return events.find((e) => madeUnderKey(e, input))
}
