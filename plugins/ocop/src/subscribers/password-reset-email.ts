import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { storefrontUrl } from "../lib/storefront-links"

type PasswordReset = { entity_id: string; actor_type: string; token: string }

/**
 * Medusa's reset-password route emits `auth.password_reset` with a short-lived token signed by the
 * configured JWT secret; a shopper gets the storefront's reset page by email (Notification Module:
 * the local provider in development logs it, and every notification is kept — GET /admin/notifications).
 * Other actors' resets are not sent from here: their portals have no reset page yet.
 */
export default async function passwordResetEmail({ event, container }: SubscriberArgs<PasswordReset>) {
  const { entity_id: email, actor_type, token } = event.data
  if (actor_type !== "customer" || !email || !token) return
  const url = storefrontUrl(
    `/account/reset-password?token=${encodeURIComponent(token)}&email=${encodeURIComponent(email)}`
  )
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: email,
    channel: "email",
    template: "ocop-password-reset",
    trigger_type: "auth.password_reset",
    data: {
      subject: "Đặt lại mật khẩu Chợ OCOP / Reset your Chợ OCOP password",
      text_vi: `Mở liên kết sau trong 15 phút để đặt mật khẩu mới: ${url}\nNếu bạn không yêu cầu, hãy bỏ qua thư này.`,
      text_en: `Open this link within 15 minutes to set a new password: ${url}\nIf you did not ask for it, ignore it.`,
      reset_url: url,
    },
  })
}

export const config: SubscriberConfig = { event: "auth.password_reset" }
