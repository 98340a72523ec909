import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { certificationFieldErrors } from "../../lib/certification-rules"

export type SubmitCertificationInput = {
  product_id: string
  producer_id?: string
  stars: number
  score?: number | null
  score_parts?: Record<string, number> | null
  group_slug: string
  subgroup_slug?: string | null
  certificate_number: string
  decision_number?: string | null
  decision_date?: string | Date | null
  issuing_authority: string
  /** Operators record it; a producer's submission takes its producer's province. */
  province_code?: string | null
  legal_basis?: string
  valid_from?: string | Date | null
  expires_at?: string | Date | null
  evidence?: Array<{ name: string; url: string }> | null
  traceability_code?: string | null
  traceability_url?: string | null
  potential_five_star?: boolean
  recognition_type?: "new" | "re_recognition" | "upgrade"
  previous_certification_id?: string | null
  actor_type?: string
  actor_id?: string | null
}

/** Field-level rule check shared by the workflow and the route middleware (which turns it into a 400). */
export async function certificationSubmissionErrors(container: any, input: SubmitCertificationInput) {
  const errors = certificationFieldErrors(input)
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
  const dup = await ocop.listCertifications(
    { certificate_number: input.certificate_number },
    { select: ["id"], take: 1 }
  )
  if (dup.length) errors.certificate_number = `Certificate number "${input.certificate_number}" is already recorded.`
  return errors
}

/**
 * Returns the producer the certification belongs to (the product's producer) and the province
 * whose trade centre decides: for a producer's own submission always the producer's province, so
 * a producer cannot choose who decides.
 */
export const validateCertificationSubmissionStep = createStep(
  "ocop-validate-certification-submission",
  async (input: SubmitCertificationInput, { container }) => {
    const errors = await certificationSubmissionErrors(container, input)
    if (Object.keys(errors).length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        Object.entries(errors)
          .map(([k, v]) => `${k}: ${v}`)
          .join(" ")
      )
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "producer.id", "producer.province_code"],
      filters: { id: input.product_id },
    })
    const product: any = data[0]
    if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${input.product_id} was not found.`)
    const producerId = product.producer?.id
    if (!producerId) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Attach the product to its producer before submitting a certification."
      )
    }
    if (input.producer_id && input.producer_id !== producerId) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This product belongs to another producer.")
    }
    const province_code =
      (input.actor_type === "producer" ? null : input.province_code) || (product.producer.province_code as string)
    return new StepResponse({ producer_id: producerId as string, province_code })
  }
)
