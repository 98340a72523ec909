import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCertificationDecisionStep, type CertificationDecisionInput } from "../steps/validate-certification-decision"
import { updateCertificationsStep } from "../steps/update-certifications"
import { recordAuditEventsStep } from "../steps/record-audit-events"
import { refreshListingsWorkflow } from "../listing/refresh-listings"

/** approve / reject / suspend / reinstate / revoke one certification, then re-run the gate for its product. */
export const decideCertificationWorkflow = createWorkflow(
  "ocop-decide-certification",
  (input: CertificationDecisionInput) => {
    const decision = validateCertificationDecisionStep(input)
    const updates = transform({ decision }, ({ decision }) => decision.updates)
    updateCertificationsStep(updates)
    const audit = transform({ decision, input }, ({ decision, input }) => [
      {
        entity_type: "certification" as const,
        entity_id: decision.certification.id,
        action: input.action,
        actor_type: input.actor_type ?? "user",
        actor_id: input.actor_id ?? null,
        message: input.reason ?? null,
        data: { from: decision.certification.status, to: decision.to, product_id: decision.certification.product_id },
      },
    ])
    recordAuditEventsStep(audit).config({ name: "audit-certification-decision" })
    const refreshInput = transform({ decision, input }, ({ decision, input }) => ({
      product_ids: [decision.certification.product_id],
      reason: `certification ${input.action}`,
    }))
    refreshListingsWorkflow.runAsStep({ input: refreshInput })
    const result = transform({ decision }, ({ decision }) => ({ id: decision.certification.id, status: decision.to }))
    return new WorkflowResponse(result)
  }
)
