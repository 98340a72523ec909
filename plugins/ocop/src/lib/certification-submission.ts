/** What a certification submission must satisfy before a workflow records it. */
import type { MedusaContainer } from "@medusajs/framework/types"
import type OcopModuleService from "../modules/ocop/services/ocop-module-service"
import { OCOP_MODULE } from "../modules/ocop"
import { certificationFieldErrors } from "./certification-rules"

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
export async function certificationSubmissionErrors(container: MedusaContainer, input: SubmitCertificationInput) {
  const errors = certificationFieldErrors(input)
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
  const dup = await ocop.listCertifications(
    { certificate_number: input.certificate_number },
    { select: ["id"], take: 1 }
  )
  if (dup.length) errors.certificate_number = `Certificate number "${input.certificate_number}" is already recorded.`
  return errors
}
