/**
 * Public verification of a certificate number or traceability code — what the QR on a product page
 * and a stamp on a package open. Codes are compared in one canonical form (NFC, upper case, without
 * whitespace and dashes), so "ocop-qg-01-2026-00101", "OCOP QG 01 2026 00101" and
 * "OCOP-QG-01-2026-00101" name the same certificate (people read codes aloud and retype them).
 */
import { publicCertification, type VerifyResult } from "./public-views"
import { isWindowWithinRules, isWithinValidity } from "./validity"

/** The form codes are compared in: NFC, whitespace and dashes removed, upper case (đ → Đ). */
export function canonicalCertificateCode(code: string): string {
  return code
    .normalize("NFC")
    .replace(/[\s\-\u2010-\u2015]+/gu, "")
    .toLocaleUpperCase("vi")
}

/**
 * An ILIKE pattern that every stored code with this canonical form matches (whitespace or dashes may
 * sit between any two characters; letters outside ASCII match any one character, whatever the
 * collation's case rules). It only narrows: candidates are compared canonically afterwards.
 */
export function codeLikePattern(canonical: string): string {
  return [...canonical].map((c) => (/[\\%_]/.test(c) ? `\\${c}` : /[^\x00-\x7f]/.test(c) ? "_" : c)).join("%")
}

const CANDIDATES = 200

/** The fields of a certification row this file reads (the rest goes to publicCertification). */
type CertificationRow = Record<string, unknown> & {
  status: string
  product_id: string
  producer_id: string
  expires_at?: Date | string | null
}
type Row = Record<string, unknown>
type List<T> = (filters: Record<string, unknown>, config?: Record<string, unknown>) => Promise<T[]>
type Ocop = {
  listCertifications: List<CertificationRow>
  listProducers: List<Row & { name: string; handle: string; province_code: string }>
  listProductListings: List<Row>
}

/** The certification a code names: its certificate number first, else the newest with that traceability code. */
export async function findCertificationByCode(ocop: Ocop, code: string): Promise<CertificationRow | undefined> {
  const canonical = canonicalCertificateCode(code)
  if (!canonical) return undefined
  for (const field of ["certificate_number", "traceability_code"] as const) {
    const [exact] = await ocop.listCertifications({ [field]: code.trim() }, { take: 1, order: { created_at: "DESC" } })
    if (exact) return exact
    const candidates = await ocop.listCertifications(
      { [field]: { $ilike: codeLikePattern(canonical) } },
      { take: CANDIDATES, order: { created_at: "DESC" } }
    )
    const match = candidates.find(
      (c) => typeof c[field] === "string" && canonicalCertificateCode(c[field]) === canonical
    )
    if (match) return match
  }
  return undefined
}

/** A product as the verification page names it. */
export type VerifiedProduct = { id: string; title: string; handle: string | null; title_en?: string | null }

/**
 * Certificate number or traceability code → valid / expired / revoked / suspended / unknown, with
 * the product (linked only while it is listed), producer, stars, validity and the scan when one was
 * uploaded. `loadProduct` reads the product (a core module) for the caller.
 */
export async function verifyCertificate(
  ocop: Ocop,
  code: string,
  { now = new Date(), loadProduct }: { now?: Date; loadProduct?: (id: string) => Promise<VerifiedProduct | null> } = {}
) {
  const cert = await findCertificationByCode(ocop, code)
  if (!cert || ["submitted", "rejected"].includes(cert.status)) return { result: "unknown" as VerifyResult }
  let result: VerifyResult
  if (cert.status === "revoked") result = "revoked"
  else if (cert.status === "suspended") result = "suspended"
  else if (cert.status === "expired" || (cert.expires_at && new Date(cert.expires_at) <= now)) result = "expired"
  // A window longer than the 36 months a recognition lasts was not recorded by the rules: never vouch for it.
  else result = isWithinValidity(cert, now) && isWindowWithinRules(cert) ? "valid" : "unknown"
  const [[producer], listings, product] = await Promise.all([
    ocop.listProducers({ id: cert.producer_id }, { take: 1 }),
    ocop.listProductListings({ product_id: cert.product_id, listed: true }, { take: 1 }),
    loadProduct ? loadProduct(cert.product_id).catch(() => null) : Promise.resolve(null),
  ])
  return {
    result,
    certification: { ...publicCertification(cert), scan_url: scanUrl(cert) },
    producer: producer ? { name: producer.name, handle: producer.handle, province_code: producer.province_code } : null,
    product: product
      ? {
          id: product.id,
          title: product.title,
          title_en: product.title_en ?? null,
          // a product page exists only while the product is listed
          handle: listings.length ? product.handle : null,
        }
      : null,
  }
}

/** The certificate scan's address when one was uploaded (served by the backend's file route). */
function scanUrl(cert: Record<string, unknown>): string | null {
  if (typeof cert.scan_url === "string" && cert.scan_url) return cert.scan_url
  if (typeof cert.scan_file_key === "string" && cert.scan_file_key)
    return `/ocop/files/${encodeURIComponent(cert.scan_file_key)}`
  return null
}
