import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { certificationSubmissionErrors } from "../steps/validate-certification-submission"
import { validityOnApproval } from "../../lib/certification-rules"
import { createCertificationStep } from "../steps/create-certification"
import { updateCertificationsStep } from "../steps/update-certifications"
import { recordAuditEventsStep } from "../steps/record-audit-events"
import { refreshListingsWorkflow } from "../listing/refresh-listings"

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
}

const prepareRenewalStep = createStep("ocop-prepare-renewal", async (input: RenewCertificationInput, { container }) => {
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
  const [previous] = await ocop.listCertifications({ id: input.certification_id }, { take: 1 })
  if (!previous) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Certification ${input.certification_id} was not found.`)
  if (["submitted", "rejected"].includes(previous.status)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Only a certification that was approved can be renewed; this one is "${previous.status}".`)
  }
  const window = validityOnApproval({ valid_from: input.valid_from ?? input.decision_date, expires_at: input.expires_at })
  const fields = {
    stars: input.stars,
    score: input.score ?? null,
    group_slug: previous.group_slug,
    subgroup_slug: previous.subgroup_slug,
    province_code: previous.province_code,
    certificate_number: input.certificate_number,
    ...window,
  }
  const errors = await certificationSubmissionErrors(container, { ...fields, product_id: previous.product_id, issuing_authority: "" } as any)
  if (Object.keys(errors).length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join(" "))
  }
  const now = new Date()
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
  return new StepResponse({ previous, record })
})

/** Công nhận lại / nâng hạng: records the re-evaluation result as a new approved certification. */
export const renewCertificationWorkflow = createWorkflow("ocop-renew-certification", (input: RenewCertificationInput) => {
  const { previous, record } = prepareRenewalStep(input)
  const created = createCertificationStep(record)
  const demote = transform({ previous }, ({ previous }) => [{ id: previous.id, is_current: false }])
  updateCertificationsStep(demote)
  const audit = transform({ created, previous, input }, ({ created, previous, input }) => [
    {
      entity_type: "certification" as const,
      entity_id: (created as any).id,
      action: "renew",
      actor_type: input.actor_type ?? "user",
      actor_id: input.actor_id ?? null,
      data: { previous_certification_id: previous.id, stars: input.stars, product_id: previous.product_id },
    },
  ])
  recordAuditEventsStep(audit)
  const refreshInput = transform({ previous }, ({ previous }) => ({ product_ids: [previous.product_id], reason: "certification renewed" }))
  refreshListingsWorkflow.runAsStep({ input: refreshInput })
  return new WorkflowResponse(created)
})
