import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { passwordProblem, PASSWORD_PROBLEM_TEXT } from "../../lib/password-policy"

/** The email a password-reset token was issued for (only to compare the new password with it). */
function emailOfResetToken(authorization: unknown): string | undefined {
  const token = typeof authorization === "string" ? authorization.replace(/^Bearer\s+/i, "") : ""
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"))
    return typeof payload?.entity_id === "string" ? payload.entity_id : undefined
  } catch {
    return undefined
  }
}

/**
 * 400 naming `password` (in English and Vietnamese) when a body sets a password that breaks the
 * policy. Runs before Medusa's own handlers: a reset token is not spent on a refused password.
 */
export function enforcePasswordPolicy(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as Record<string, unknown>
  const text =
    typeof body.password !== "string"
      ? { vi: "Nhập mật khẩu.", en: "Enter a password." }
      : (() => {
          const email = typeof body.email === "string" ? body.email : emailOfResetToken(req.headers.authorization)
          const problem = passwordProblem(body.password, email)
          return problem ? PASSWORD_PROBLEM_TEXT[problem] : null
        })()
  if (!text) return next()
  res.status(400).json({
    type: "invalid_data",
    code: "weak_password",
    message: `Invalid request: password: ${text.en}`,
    message_vi: `Yêu cầu không hợp lệ: mật khẩu: ${text.vi}`,
    errors: { password: text.en },
    errors_vi: { password: text.vi },
  })
}
