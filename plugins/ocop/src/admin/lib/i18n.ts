import { getProvinceByCode } from "../../lib/provinces"
import {
  AUDIT_ACTION_LABELS,
  CERTIFICATION_ACTION_LABELS,
  certificationStatusLabel,
  producerStatusLabel,
  type LabelLang,
} from "../../lib/status-labels"

/**
 * The admin's language, looked up as Medusa Admin's i18next does (cookie `lng`, then localStorage
 * `lng`, then the browser): English when the admin chose English, Vietnamese otherwise.
 */
export function adminLang(): LabelLang {
  let chosen: string | null = null
  try {
    chosen = /(?:^|;\s*)lng=([^;]+)/.exec(document.cookie)?.[1] ?? window.localStorage.getItem("lng")
  } catch {
    chosen = null
  }
  const lang = decodeURIComponent(chosen ?? (typeof navigator !== "undefined" ? navigator.language : "vi"))
  return lang.toLowerCase().startsWith("en") ? "en" : "vi"
}

const TEXT = {
  loading: { vi: "Đang tải chứng nhận OCOP…", en: "Loading the OCOP certification…" },
  panelTitle: { vi: "Chứng nhận OCOP", en: "OCOP certification" },
  listed: { vi: "Đang bán trên chợ OCOP", en: "On sale in the OCOP marketplace" },
  notListed: { vi: "Không được niêm yết", en: "Not listed" },
  reason: { vi: "Lý do", en: "Why" },
  producer: { vi: "Chủ thể", en: "Producer" },
  noProducer: { vi: "chưa gắn", en: "none attached" },
  validity: { vi: "hiệu lực", en: "valid" },
  decision: { vi: "QĐ", en: "Decision" },
  reasonInput: {
    vi: "Lý do (bắt buộc khi từ chối, đình chỉ, thu hồi)",
    en: "Reason (required to reject, suspend or revoke)",
  },
  reasonMissing: { vi: "Hãy ghi lý do trước khi {action}.", en: "Write a reason before you {action}." },
  confirm: { vi: "{action} chứng nhận {number}?", en: "{action} certificate {number}?" },
  history: { vi: "Lịch sử", en: "History" },
  pending: { vi: "Hồ sơ đang chờ duyệt", en: "Submissions awaiting review" },
  producersTitle: { vi: "Chủ thể OCOP", en: "OCOP producers" },
  producersCount: { vi: "{n} chủ thể", en: "{n} producers" },
  name: { vi: "Tên", en: "Name" },
  type: { vi: "Loại hình", en: "Type" },
  province: { vi: "Tỉnh/thành", en: "Province" },
  status: { vi: "Trạng thái", en: "Status" },
  approveProducer: { vi: "Duyệt", en: "Approve" },
  suspendProducer: { vi: "Đình chỉ", en: "Suspend" },
  reactivate: { vi: "Kích hoạt lại", en: "Reactivate" },
  suspendPrompt: { vi: "Lý do đình chỉ {name}?", en: "Why suspend {name}?" },
  previous: { vi: "Trước", en: "Previous" },
  next: { vi: "Sau", en: "Next" },
  requestFailed: { vi: "Yêu cầu không thành công ({status}).", en: "The request failed ({status})." },
} satisfies Record<string, Record<LabelLang, string>>

export type AdminTextKey = keyof typeof TEXT

/** The admin's words of one page or widget, each in both languages. */
export type AdminDictionary = Record<string, Record<LabelLang, string>>

/** A dictionary's text function: the word in the admin's language, its `{name}` placeholders filled in. */
export function adminTextOf<Key extends string>(dictionary: Record<Key, Record<LabelLang, string>>) {
  return (key: Key, params: Record<string, string | number> = {}, lang = adminLang()) =>
    dictionary[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole
    )
}

export const adminText = adminTextOf(TEXT)

const vnd = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" })
/** VND as the rest of the platform shows it: 120.000 ₫. */
export const formatVnd = (amount: number) => vnd.format(amount)

export const statusText = (status: string) => certificationStatusLabel(status, adminLang())
export const producerStatusText = (status: string) => producerStatusLabel(status, adminLang())
export const actionText = (action: string) => CERTIFICATION_ACTION_LABELS[action]?.[adminLang()] ?? action
export const auditText = (action: string) => AUDIT_ACTION_LABELS[action]?.[adminLang()] ?? action

const ENTITY_TYPES: Record<string, Record<LabelLang, string>> = {
  cooperative: { vi: "Hợp tác xã", en: "Cooperative" },
  enterprise: { vi: "Doanh nghiệp", en: "Enterprise" },
  cooperative_group: { vi: "Tổ hợp tác", en: "Cooperative group" },
  household: { vi: "Hộ kinh doanh", en: "Household business" },
}
export const entityTypeText = (type: string) => ENTITY_TYPES[type]?.[adminLang()] ?? type

/** "Lâm Đồng", not "68". */
export const provinceName = (code: string | null | undefined) =>
  code ? (getProvinceByCode(code)?.name_vi ?? code) : "—"
