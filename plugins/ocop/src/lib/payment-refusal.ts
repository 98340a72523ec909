import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import { bilingual } from "./conflicts"

/** HTTP 402 Payment Required: the payment was refused or waits for the shopper; no order was placed. */
export const PAYMENT_REFUSAL_STATUS = 402

export type PaymentRefusal = {
  type: typeof MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR
  /** payment_refused: the provider said no (its words in the messages); payment_requires_more: the
   * shopper has to confirm with the bank or provider first (3-D Secure, a redirect). */
  code: "payment_refused" | "payment_requires_more"
  message: string
  message_vi: string
  message_en: string
}

// What Medusa 2.21.2's payment module throws when a provider answers another status than authorized
// (payment-module.js, authorizePaymentSession); the session keeps the status the provider gave.
const NOT_AUTHORIZED = /^Session: \S+ was not authorized with the provider\.$/

const UNCHANGED = {
  vi: "Đơn hàng chưa được đặt, giỏ hàng vẫn giữ nguyên",
  en: "No order was placed and your cart is unchanged",
}

function texts(code: PaymentRefusal["code"], providerWords: string | null) {
  if (code === "payment_requires_more")
    return {
      vi:
        "Thanh toán cần bạn xác nhận thêm với ngân hàng hoặc đơn vị thanh toán (ví dụ mã xác thực 3-D Secure). " +
        `${UNCHANGED.vi}: hãy xác nhận rồi đặt hàng lại, hoặc chọn cách thanh toán khác.`,
      en:
        "The payment needs you to confirm it with your bank or payment provider (e.g. 3-D Secure). " +
        `${UNCHANGED.en}: confirm it and place the order again, or choose another payment method.`,
    }
  const said = providerWords ? ` ${providerWords.replace(/[.\s]+$/, "")}.` : ""
  return {
    vi:
      `Thanh toán không được chấp nhận.${said ? ` Đơn vị thanh toán cho biết:${said}` : ""} ` +
      `${UNCHANGED.vi}: hãy thử lại hoặc chọn cách thanh toán khác.`,
    en:
      `The payment was not accepted.${said ? ` The payment provider said:${said}` : ""} ` +
      `${UNCHANGED.en}: try again or choose another payment method.`,
  }
}

/**
 * The answer to a completion whose payment was not authorised, or null when `error` is not that.
 * A provider that refuses throws its own error (its message is the provider's words); one that
 * answers requires_more or error makes Medusa throw a generic one and record that status on the
 * session, which is read here (one read, on this path only).
 */
export async function paymentRefusal(
  container: MedusaContainer,
  cartId: string,
  error: unknown
): Promise<PaymentRefusal | null> {
  const e = error as { type?: unknown; message?: unknown } | null
  const type = typeof e?.type === "string" ? e.type : ""
  const message = typeof e?.message === "string" ? e.message : ""
  let code: PaymentRefusal["code"] | null = null
  let providerWords: string | null = null
  if (type === MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR) {
    code = "payment_refused"
    providerWords = message || null
  } else if (type === MedusaError.Types.PAYMENT_REQUIRES_MORE_ERROR) {
    code = "payment_requires_more"
  } else if (type === MedusaError.Types.NOT_ALLOWED && NOT_AUTHORIZED.test(message)) {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "cart",
      fields: ["payment_collection.payment_sessions.status"],
      filters: { id: cartId },
    })
    const sessions = (data[0] as { payment_collection?: { payment_sessions?: Array<{ status?: string } | null> } })
      ?.payment_collection?.payment_sessions
    const waiting = (sessions ?? []).some((s) => s?.status === PaymentSessionStatus.REQUIRES_MORE)
    code = waiting ? "payment_requires_more" : "payment_refused"
  }
  if (!code) return null
  const { vi, en } = texts(code, providerWords)
  return {
    type: MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
    code,
    message: bilingual(vi, en),
    message_vi: vi,
    message_en: en,
  }
}
