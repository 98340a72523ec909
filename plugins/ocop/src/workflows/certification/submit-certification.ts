import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  validateCertificationSubmissionStep,
  type SubmitCertificationInput,
} from "../steps/validate-certification-submission"
import { createCertificationStep } from "../steps/create-certification"
import { recordAuditEventOfInput } from "../steps/record-audit-events"

/**
 * Records a certification as submitted (hồ sơ), waiting for the trade centre's decision. A
 * producer's submission carries no validity: the decision sets it (36 months from the decision).
 */
export const submitCertificationWorkflow = createWorkflow(
  "ocop-submit-certification",
  (input: SubmitCertificationInput) => {
    const facts = validateCertificationSubmissionStep(input)
    const record = transform({ input, facts }, ({ input, facts }) => {
      const { producer_id, province_code, issuing_authority, scan_file_key } = facts
      const { actor_type, actor_id, producer_id: _ignored, scan_upload_id: _upload, ...fields } = input
      const byProducer = actor_type === "producer"
      return {
        ...fields,
        producer_id,
        province_code,
        issuing_authority,
        scan_file_key,
        decision_date: fields.decision_date ? new Date(fields.decision_date) : null,
        valid_from: !byProducer && fields.valid_from ? new Date(fields.valid_from) : null,
        expires_at: !byProducer && fields.expires_at ? new Date(fields.expires_at) : null,
        status: "submitted",
        is_current: false,
      }
    })
    const certification = createCertificationStep(record)
    recordAuditEventOfInput({ certification, input }, ({ certification, input }) => ({
      entity_type: "certification",
      entity_id: (certification as any).id,
      action: "submit",
      data: { product_id: input.product_id, stars: input.stars, certificate_number: input.certificate_number },
    }))
    return new WorkflowResponse(certification)
  }
)
