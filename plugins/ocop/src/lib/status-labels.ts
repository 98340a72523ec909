/**
 * Statuses as people read them, in Vietnamese and English: the trade centre's CSV and the admin
 * widgets use these (the storefront has the same words in its dictionary). No server imports here —
 * the admin bundle reads this file too.
 */
export const CERTIFICATION_STATUS_LABELS: Record<string, { vi: string; en: string }> = {
  submitted: { vi: "Đang chờ xét duyệt", en: "Awaiting review" },
  approved: { vi: "Còn hiệu lực", en: "Valid" },
  rejected: { vi: "Không được công nhận", en: "Rejected" },
  expired: { vi: "Hết hiệu lực", en: "Expired" },
  revoked: { vi: "Đã bị thu hồi", en: "Revoked" },
  suspended: { vi: "Đang bị tạm đình chỉ", en: "Suspended" },
}

export const PRODUCER_STATUS_LABELS: Record<string, { vi: string; en: string }> = {
  pending: { vi: "Chờ duyệt", en: "Awaiting approval" },
  active: { vi: "Đang hoạt động", en: "Active" },
  suspended: { vi: "Bị đình chỉ", en: "Suspended" },
}

export const CERTIFICATION_ACTION_LABELS: Record<string, { vi: string; en: string }> = {
  approve: { vi: "Duyệt", en: "Approve" },
  reject: { vi: "Từ chối", en: "Reject" },
  suspend: { vi: "Đình chỉ", en: "Suspend" },
  reinstate: { vi: "Khôi phục", en: "Reinstate" },
  revoke: { vi: "Thu hồi", en: "Revoke" },
  expire: { vi: "Hết hạn", en: "Expire" },
}

/** Audit-trail entries as the admin panel lists them (decisions use the words above). */
export const AUDIT_ACTION_LABELS: Record<string, { vi: string; en: string }> = {
  submit: { vi: "Nộp hồ sơ", en: "Submitted" },
  renew: { vi: "Gia hạn / công nhận lại", en: "Renewed" },
  expiry_warning: { vi: "Cảnh báo sắp hết hạn", en: "Expiry warning" },
  listed: { vi: "Được niêm yết", en: "Listed" },
  delisted: { vi: "Gỡ khỏi chợ", en: "Delisted" },
  attach_product: { vi: "Gắn sản phẩm với chủ thể", en: "Product attached to producer" },
  approve: { vi: "Duyệt", en: "Approved" },
  reject: { vi: "Từ chối", en: "Rejected" },
  suspend: { vi: "Đình chỉ", en: "Suspended" },
  reinstate: { vi: "Khôi phục", en: "Reinstated" },
  revoke: { vi: "Thu hồi", en: "Revoked" },
  expire: { vi: "Hết hạn", en: "Expired" },
  cash_collected: { vi: "Ghi nhận tiền thu hộ (COD)", en: "Cash on delivery recorded" },
  payout_recorded: { vi: "Ghi nhận chi trả cho chủ thể", en: "Payout recorded" },
}

export type LabelLang = "vi" | "en"

export function certificationStatusLabel(status: string, lang: LabelLang = "vi"): string {
  return CERTIFICATION_STATUS_LABELS[status]?.[lang] ?? status
}

export function producerStatusLabel(status: string, lang: LabelLang = "vi"): string {
  return PRODUCER_STATUS_LABELS[status]?.[lang] ?? status
}

/** dd/mm/yyyy as a Vietnamese reader writes it, on Vietnam's calendar (UTC+7, no daylight saving). */
export function vietnameseDate(value: Date | string | null | undefined): string {
  if (!value) return ""
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return ""
  const local = new Date(d.getTime() + 7 * 3600 * 1000)
  const two = (n: number) => String(n).padStart(2, "0")
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`
}
