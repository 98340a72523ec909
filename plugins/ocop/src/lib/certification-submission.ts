/** What a certification submission must satisfy before a workflow records it. */
import type { MedusaContainer } from "@medusajs/framework/types"
import type OcopModuleService from "../modules/ocop/services/ocop-module-service"
import { OCOP_MODULE } from "../modules/ocop"
import { certificationFieldErrors, issuingAuthorityFor, issuingAuthorityMismatch } from "./certification-rules"

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
  /** Derived for a producer's submission (producerSubmissionFacts) when left out. */
  issuing_authority?: string | null
  /** Operators record it; a producer's submission takes its producer's province. */
  province_code?: string | null
  legal_basis?: string
  valid_from?: string | Date | null
  expires_at?: string | Date | null
  evidence?: Array<{ name: string; url: string }> | null
  /** A producer's upload (purpose certificate_scan); stored as its file key. */
  scan_upload_id?: string | null
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

/**
 * A producer's own submission, beyond the record's rules: the issuing authority follows from the
 * stars and the producer's province (derived when left out, refused when it names another body), and
 * the scan must be one of this producer's certificate-scan uploads. The route middleware turns the
 * errors into a 400; the workflow step stores what is derived.
 */
export async function producerSubmissionFacts(
  container: MedusaContainer,
  producer: { id: string; province_code: string },
  input: Pick<SubmitCertificationInput, "stars" | "issuing_authority" | "scan_upload_id">
): Promise<{ errors: Record<string, string>; issuing_authority: string | null; scan_file_key: string | null }> {
  const errors: Record<string, string> = {}
  const derived = issuingAuthorityFor(Number(input.stars), producer.province_code)
  const given = input.issuing_authority?.trim()
  if (given) {
    const mismatch = issuingAuthorityMismatch(given, Number(input.stars), producer.province_code)
    if (mismatch) errors.issuing_authority = mismatch
  }
  let scan_file_key: string | null = null
  if (input.scan_upload_id) {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const [upload] = await ocop.listUploads(
      { id: input.scan_upload_id, producer_id: producer.id, purpose: "certificate_scan" },
      { take: 1 }
    )
    if (upload) scan_file_key = upload.file_key
    else errors.scan_upload_id = `Upload ${input.scan_upload_id} is not one of your certificate scans.`
  }
  return { errors, issuing_authority: derived ?? given ?? null, scan_file_key }
}
