/**
 * Statuses as people read them, in Vietnamese and English: the trade centre's CSV and the admin
 * widgets use these (the storefront has the same words in its dictionary). No server imports here —
 * the admin bundle reads this file too. Each table has one object per language with the same keys,
 * as the storefront's and the admin's dictionaries.
 */
export type LabelLang = "vi" | "en"
type Labels = Record<LabelLang, Record<string, string>>

export const CERTIFICATION_STATUS_LABELS: Labels = {
  vi: {
    submitted: "Đang chờ xét duyệt",
    approved: "Còn hiệu lực",
    rejected: "Không được công nhận",
    expired: "Hết hiệu lực",
    revoked: "Đã bị thu hồi",
    suspended: "Đang bị tạm đình chỉ",
  },
  en: {
    submitted: "Awaiting review",
    approved: "Valid",
    rejected: "Rejected",
    expired: "Expired",
    revoked: "Revoked",
    suspended: "Suspended",
  },
}

export const PRODUCER_STATUS_LABELS: Labels = {
  vi: {
    pending: "Chờ duyệt",
    active: "Đang hoạt động",
    suspended: "Bị đình chỉ",
  },
  en: {
    pending: "Awaiting approval",
    active: "Active",
    suspended: "Suspended",
  },
}

export const CERTIFICATION_ACTION_LABELS: Labels = {
  vi: {
    approve: "Duyệt",
    reject: "Từ chối",
    suspend: "Đình chỉ",
    reinstate: "Khôi phục",
    revoke: "Thu hồi",
    expire: "Hết hạn",
  },
  en: {
    approve: "Approve",
    reject: "Reject",
    suspend: "Suspend",
    reinstate: "Reinstate",
    revoke: "Revoke",
    expire: "Expire",
  },
}

/** Audit-trail entries as the admin panel lists them (decisions use the words above). */
export const AUDIT_ACTION_LABELS: Labels = {
  vi: {
    submit: "Nộp hồ sơ",
    renew: "Gia hạn / công nhận lại",
    expiry_warning: "Cảnh báo sắp hết hạn",
    listed: "Được niêm yết",
    delisted: "Gỡ khỏi chợ",
    attach_product: "Gắn sản phẩm với chủ thể",
    // Vietnamese names a decision and its record with the same word ("Duyệt"); English does not.
    ...CERTIFICATION_ACTION_LABELS.vi,
    cash_collected: "Ghi nhận tiền thu hộ (COD)",
    payout_recorded: "Ghi nhận chi trả cho chủ thể",
  },
  en: {
    submit: "Submitted",
    renew: "Renewed",
    expiry_warning: "Expiry warning",
    listed: "Listed",
    delisted: "Delisted",
    attach_product: "Product attached to producer",
    approve: "Approved",
    reject: "Rejected",
    suspend: "Suspended",
    reinstate: "Reinstated",
    revoke: "Revoked",
    expire: "Expired",
    cash_collected: "Cash on delivery recorded",
    payout_recorded: "Payout recorded",
  },
}

export function certificationStatusLabel(status: string, lang: LabelLang = "vi"): string {
  return CERTIFICATION_STATUS_LABELS[lang][status] ?? status
}

export function producerStatusLabel(status: string, lang: LabelLang = "vi"): string {
  return PRODUCER_STATUS_LABELS[lang][status] ?? status
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
