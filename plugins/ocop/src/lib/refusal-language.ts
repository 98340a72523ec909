/**
 * Every refusal the API sends carries a stable machine `code` and its words in both languages
 * (`message_vi`, `message_en`), beside Medusa's own `message` (kept unchanged for Medusa clients
 * such as the admin). Pages pick the text of their language; programs branch on `code`.
 *
 * Our messages are written bilingual as "Vietnamese (EN: English)" (see `bilingual` in
 * conflicts.ts), also inside the database triggers' errors (listing-gate-sql.ts), so this file
 * only has to split them. Medusa's own refusals are English only: their Vietnamese text is a
 * sentence per kind of refusal, with the English detail kept in `message_en`.
 */

export type RefusalTexts = { code: string; message_vi: string; message_en: string }

const BILINGUAL = /^([\s\S]*?)\s*\(EN: ([\s\S]*)\)\s*\.?\s*$/

/** "vi (EN: en)" → { vi, en }; null for a message written in one language only. */
export function splitBilingual(message: string): { vi: string; en: string } | null {
  const m = BILINGUAL.exec(message)
  if (!m || !m[1].trim() || !m[2].trim()) return null
  return { vi: m[1].trim(), en: m[2].trim() }
}

/** Codes by Medusa error type (what `MedusaError.Types` and our handlers put in `type`). */
const CODE_BY_TYPE: Record<string, string> = {
  not_found: "not_found",
  invalid_data: "invalid_data",
  not_allowed: "not_allowed",
  unauthorized: "unauthorized",
  forbidden: "forbidden",
  duplicate_error: "duplicate",
  conflict: "conflict",
  payment_authorization_error: "payment_refused",
  unexpected_state: "unexpected_state",
  invalid_argument: "invalid_data",
}

const CODE_BY_STATUS: Record<number, string> = {
  400: "invalid_data",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  422: "unprocessable",
  429: "too_many_requests",
  503: "unavailable",
}

const VI_BY_CODE: Record<string, string> = {
  invalid_data: "Yêu cầu không hợp lệ.",
  invalid_request_error: "Yêu cầu không hợp lệ.",
  not_allowed: "Thao tác này không được phép.",
  unauthorized: "Bạn cần đăng nhập để tiếp tục.",
  forbidden: "Bạn không có quyền thực hiện thao tác này.",
  not_found: "Không tìm thấy nội dung được yêu cầu.",
  duplicate: "Dữ liệu này đã tồn tại.",
  conflict: "Yêu cầu xung đột với một thao tác khác. Vui lòng tải lại trang rồi thử lại.",
  invalid_state_error: "Yêu cầu xung đột với một thao tác khác. Vui lòng tải lại trang rồi thử lại.",
  payment_refused: "Thanh toán không được chấp nhận.",
  payload_too_large: "Dữ liệu gửi lên quá lớn.",
  unprocessable: "Không thể xử lý yêu cầu này.",
  too_many_requests: "Bạn đã thử quá nhiều lần. Vui lòng thử lại sau.",
  unavailable: "Máy chủ tạm thời không phản hồi. Vui lòng thử lại sau giây lát.",
  unexpected_state: "Đã có lỗi xảy ra. Vui lòng thử lại.",
  unknown_error: "Đã có lỗi xảy ra. Vui lòng thử lại.",
  api_error: "Đã có lỗi xảy ra. Vui lòng thử lại.",
}

/**
 * The code and both texts of an error body with HTTP `status`. A body that already names them
 * keeps what it names (our routes' `refuse()` does); what is missing is derived.
 */
export function refusalTexts(status: number, body: Record<string, unknown>): RefusalTexts {
  const message = typeof body.message === "string" ? body.message : ""
  const type = typeof body.type === "string" ? body.type : ""
  const code =
    (typeof body.code === "string" && body.code) ||
    CODE_BY_TYPE[type] ||
    CODE_BY_STATUS[status] ||
    (status >= 500 ? "unknown_error" : "invalid_data")
  const split = splitBilingual(message)
  const given = (k: string) => (typeof body[k] === "string" && (body[k] as string).trim() ? (body[k] as string) : null)
  const message_en = given("message_en") ?? split?.en ?? message
  const message_vi =
    given("message_vi") ?? split?.vi ?? VI_BY_CODE[code] ?? VI_BY_CODE[CODE_BY_STATUS[status] ?? ""] ?? message
  return { code, message_vi, message_en }
}

/** The body with `code`, `message_vi` and `message_en` added; other bodies are returned untouched. */
export function withRefusalTexts(status: number, body: unknown): unknown {
  if (status < 400 || !body || typeof body !== "object" || Array.isArray(body)) return body
  const b = body as Record<string, unknown>
  if (typeof b.message !== "string") return body
  return { ...b, ...refusalTexts(status, b) }
}
