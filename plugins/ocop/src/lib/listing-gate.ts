import { isCertifiedStars } from "./stars"
import { isWithinValidity } from "./validity"

/**
 * THE LISTING GATE — the one place that decides whether a product may be listed.
 * A product is listed iff: it has an approved certification with 3–5★, now is inside
 * [valid_from, expires_at), its producer is active, and the product is published.
 * Every path (sales-channel membership, search index, cart hooks, admin guards) calls this.
 */
export type GateCertification = {
  id: string
  status: string
  stars: number
  valid_from?: Date | string | null
  expires_at?: Date | string | null
}

export type GateInput = {
  product_status: string | null | undefined
  producer_status: string | null | undefined
  certifications: GateCertification[]
  now?: Date
}

export type GateReason =
  | "no_producer"
  | "producer_not_active"
  | "product_not_published"
  | "no_approved_certification"
  | "certification_not_yet_valid"
  | "certification_expired"

export type GateVerdict = { listed: boolean; certification_id: string | null; reasons: GateReason[] }

export const GATE_REASON_TEXT: Record<GateReason, { vi: string; en: string }> = {
  no_producer: { vi: "sản phẩm chưa gắn với chủ thể OCOP", en: "the product has no OCOP producer" },
  producer_not_active: {
    vi: "chủ thể OCOP chưa được duyệt hoặc đang bị đình chỉ",
    en: "its producer is not active (pending or suspended)",
  },
  product_not_published: { vi: "sản phẩm chưa được đăng bán", en: "the product is not published" },
  no_approved_certification: {
    vi: "sản phẩm chưa có chứng nhận OCOP 3–5 sao được duyệt",
    en: "it has no approved 3–5★ OCOP certification",
  },
  certification_not_yet_valid: {
    vi: "chứng nhận OCOP chưa đến ngày hiệu lực",
    en: "its OCOP certificate is not valid yet",
  },
  certification_expired: { vi: "chứng nhận OCOP đã hết hạn", en: "its OCOP certificate has expired" },
}

export function evaluateListingGate(input: GateInput): GateVerdict {
  const now = input.now ?? new Date()
  const reasons: GateReason[] = []
  if (!input.producer_status) reasons.push("no_producer")
  else if (input.producer_status !== "active") reasons.push("producer_not_active")
  if (input.product_status !== "published") reasons.push("product_not_published")

  const approved = input.certifications.filter((c) => c.status === "approved" && isCertifiedStars(c.stars))
  // With several valid certificates (a renewal or upgrade next to the one it replaces), the product
  // is listed on the newest: that is the one the store and search show.
  const valid = approved
    .filter((c) => isWithinValidity(c, now))
    .sort((a, b) => new Date(b.valid_from!).getTime() - new Date(a.valid_from!).getTime())[0]
  if (!valid) {
    if (approved.length === 0) reasons.push("no_approved_certification")
    else if (approved.some((c) => c.valid_from && new Date(c.valid_from) > now))
      reasons.push("certification_not_yet_valid")
    else reasons.push("certification_expired")
  }
  return { listed: reasons.length === 0, certification_id: valid?.id ?? null, reasons }
}

export function describeGateReasons(reasons: GateReason[], locale: "vi" | "en" = "en"): string {
  return reasons.map((r) => GATE_REASON_TEXT[r][locale]).join("; ")
}
