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

/** The words of the product widget, the producers page and the request errors. */
const vi = {
  loading: "Đang tải chứng nhận OCOP…",
  panelTitle: "Chứng nhận OCOP",
  listed: "Đang bán trên chợ OCOP",
  notListed: "Không được niêm yết",
  reason: "Lý do",
  producer: "Chủ thể",
  noProducer: "chưa gắn",
  validity: "hiệu lực",
  decision: "QĐ",
  reasonInput: "Lý do (bắt buộc khi từ chối, đình chỉ, thu hồi)",
  reasonMissing: "Hãy ghi lý do trước khi {action}.",
  confirm: "{action} chứng nhận {number}?",
  history: "Lịch sử",
  pending: "Hồ sơ đang chờ duyệt",
  producersTitle: "Chủ thể OCOP",
  producersCount: "{n} chủ thể",
  name: "Tên",
  type: "Loại hình",
  province: "Tỉnh/thành",
  status: "Trạng thái",
  approveProducer: "Duyệt",
  suspendProducer: "Đình chỉ",
  reactivate: "Kích hoạt lại",
  suspendPrompt: "Lý do đình chỉ {name}?",
  previous: "Trước",
  next: "Sau",
  requestFailed: "Yêu cầu không thành công ({status}).",
}
const en: Record<keyof typeof vi, string> = {
  loading: "Loading the OCOP certification…",
  panelTitle: "OCOP certification",
  listed: "On sale in the OCOP marketplace",
  notListed: "Not listed",
  reason: "Why",
  producer: "Producer",
  noProducer: "none attached",
  validity: "valid",
  decision: "Decision",
  reasonInput: "Reason (required to reject, suspend or revoke)",
  reasonMissing: "Write a reason before you {action}.",
  confirm: "{action} certificate {number}?",
  history: "History",
  pending: "Submissions awaiting review",
  producersTitle: "OCOP producers",
  producersCount: "{n} producers",
  name: "Name",
  type: "Type",
  province: "Province",
  status: "Status",
  approveProducer: "Approve",
  suspendProducer: "Suspend",
  reactivate: "Reactivate",
  suspendPrompt: "Why suspend {name}?",
  previous: "Previous",
  next: "Next",
  requestFailed: "The request failed ({status}).",
}

/**
 * The admin's words of one page or widget: one object per language with the same keys, as the
 * storefront's dictionaries (`en` typed `Record<keyof typeof vi, string>`, so a missing word is a type error).
 */
export type AdminDictionary<Key extends string> = Record<LabelLang, Record<Key, string>>

/** A dictionary's text function: the word in the admin's language, its `{name}` placeholders filled in. */
export function adminTextOf<Key extends string>(dictionary: AdminDictionary<Key>) {
  return (key: Key, params: Record<string, string | number> = {}, lang = adminLang()) =>
    dictionary[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole
    )
}

export const adminText = adminTextOf({ vi, en })

/** A count as the admin's language writes it: 44.607 in Vietnamese, 44,607 in English. */
export const formatCount = (n: number) => n.toLocaleString(adminLang() === "vi" ? "vi-VN" : "en-US")

const vnd = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" })
/** VND as the rest of the platform shows it: 120.000 ₫. */
export const formatVnd = (amount: number) => vnd.format(amount)

export const statusText = (status: string) => certificationStatusLabel(status, adminLang())
export const producerStatusText = (status: string) => producerStatusLabel(status, adminLang())
export const actionText = (action: string) => CERTIFICATION_ACTION_LABELS[adminLang()][action] ?? action
export const auditText = (action: string) => AUDIT_ACTION_LABELS[adminLang()][action] ?? action

const ENTITY_TYPES: AdminDictionary<string> = {
  vi: {
    cooperative: "Hợp tác xã",
    enterprise: "Doanh nghiệp",
    cooperative_group: "Tổ hợp tác",
    household: "Hộ kinh doanh",
  },
  en: {
    cooperative: "Cooperative",
    enterprise: "Enterprise",
    cooperative_group: "Cooperative group",
    household: "Household business",
  },
}
export const entityTypeText = (type: string) => ENTITY_TYPES[adminLang()][type] ?? type

/** "Lâm Đồng", not "68". */
export const provinceName = (code: string | null | undefined) =>
  code ? (getProvinceByCode(code)?.name_vi ?? code) : "—"
