import type { MedusaResponse } from "@medusajs/framework/http"

export type Bilingual = { vi: string; en: string }

/**
 * An error answer that a portal can show in either language: `message` is English (Medusa's
 * convention, read by its admin), `message_vi` / `message_en` the texts pages show in their language.
 */
export function refuse(
  res: MedusaResponse,
  status: number,
  type: string,
  code: string,
  text: Bilingual,
  extra: Record<string, unknown> = {}
) {
  res.status(status).json({ type, code, message: text.en, message_vi: text.vi, message_en: text.en, ...extra })
}
