import type { MedusaResponse } from "@medusajs/framework/http"
import { bilingual } from "../../lib/conflicts"

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

/** An error answer whose one message carries both languages, "vi (EN: en)" (the payment routes' refusals). */
export function refuseBilingual(res: MedusaResponse, status: number, type: string, text: Bilingual) {
  return res.status(status).json({ type, message: bilingual(text.vi, text.en) })
}
