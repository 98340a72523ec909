/**
 * What a producer may do in its portal (/vendor/*) depending on its status. A JWT cannot be
 * revoked, so this is checked on every /vendor request against the stored status: suspending a
 * producer takes effect on tokens and sessions already issued, and a fresh login gains nothing.
 *
 * - active: everything;
 * - pending (waiting for approval): read its profile, products and submissions, edit its profile,
 *   submit certificates and upload their scans and the logo — no product creation or change, no orders;
 * - suspended: only read its own profile (to see the status and the reason).
 */
export type ProducerStatus = "pending" | "active" | "suspended"
export type VendorRefusal = "producer_pending" | "producer_suspended"

const PENDING_WRITES = [/^\/vendor\/me$/, /^\/vendor\/certifications$/, /^\/vendor\/uploads$/]
const PENDING_READS = [
  /^\/vendor\/me$/,
  /^\/vendor\/dashboard$/,
  /^\/vendor\/certifications$/,
  /^\/vendor\/products(?:\/[^/]+)?$/,
  /^\/vendor\/uploads(?:\/[^/]+)?$/,
]
const SUSPENDED_READS = [/^\/vendor\/me$/]

const isRead = (method: string) => method === "GET" || method === "HEAD" || method === "OPTIONS"

/** null when allowed, otherwise why not. `path` is the request path without query, e.g. "/vendor/products". */
export function vendorRefusal(status: string, method: string, path: string): VendorRefusal | null {
  const p = path.replace(/\/+$/, "")
  const verb = method.toUpperCase()
  if (status === "active") return null
  if (status === "pending") {
    const allowed = isRead(verb) ? PENDING_READS : PENDING_WRITES
    return allowed.some((r) => r.test(p)) ? null : "producer_pending"
  }
  return isRead(verb) && SUSPENDED_READS.some((r) => r.test(p)) ? null : "producer_suspended"
}

export function vendorRefusalText(refusal: VendorRefusal, reason?: string | null): { vi: string; en: string } {
  if (refusal === "producer_pending") {
    return {
      vi: "Tài khoản chủ thể đang chờ duyệt: trong thời gian này bạn chỉ có thể sửa hồ sơ và nộp giấy chứng nhận.",
      en: "Your producer account is waiting for approval: until then you can only edit your profile and submit certificates.",
    }
  }
  const why = reason?.trim()
  return {
    vi: `Tài khoản chủ thể đang bị đình chỉ${why ? ` (lý do: ${why})` : ""}: gian hàng không thể thay đổi cho đến khi được khôi phục.`,
    en: `Your producer account is suspended${why ? ` (reason: ${why})` : ""}: the shop cannot be used until it is reactivated.`,
  }
}
