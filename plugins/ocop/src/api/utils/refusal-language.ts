import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withRefusalTexts } from "../../lib/refusal-language"

const WRAPPED = Symbol("ocop.refusal-language")

/** From now on, an error answer on `res` leaves with `code`, `message_vi` and `message_en`. */
export function localizeRefusals(res: MedusaResponse) {
  const r = res as MedusaResponse & { [WRAPPED]?: true }
  if (r[WRAPPED]) return
  r[WRAPPED] = true
  const json = res.json.bind(res)
  res.json = ((body: unknown) => json(withRefusalTexts(res.statusCode, body))) as typeof res.json
}

/**
 * Every error answer carries a stable code and both languages (lib/refusal-language.ts), whoever
 * wrote it: Medusa's routes and error handler, our routes, guards and time limit.
 */
export function speakBothLanguages(_req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  localizeRefusals(res)
  next()
}
