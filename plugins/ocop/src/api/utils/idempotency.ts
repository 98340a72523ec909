import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendFieldErrors } from "./validate"

export const IDEMPOTENCY_HEADER = "Idempotency-Key"
// Printable ASCII, like the keys Stripe and the IETF draft describe (a UUID fits easily).
const KEY = /^[\x21-\x7E]{1,255}$/

/**
 * Accepts an optional `Idempotency-Key` header on routes whose workflows honour it (the workflow
 * keeps the key with what it records, inside the record's lock, so a replay returns the first
 * outcome and never has a second effect). A malformed key is a 400 naming the header.
 */
export function readIdempotencyKey(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const raw = req.headers["idempotency-key"]
  if (raw === undefined) return next()
  if (Array.isArray(raw) || !KEY.test(raw)) {
    return sendFieldErrors(res, {
      [IDEMPOTENCY_HEADER]: "Use one key of 1–255 printable ASCII characters (e.g. a UUID).",
    })
  }
  ;(req as any).idempotencyKey = raw
  next()
}

export const idempotencyKeyOf = (req: MedusaRequest): string | null => (req as any).idempotencyKey ?? null

/** Tells the client its request was a replay answered from the first outcome. */
export function markReplay(res: MedusaResponse, replayed: boolean) {
  if (replayed) res.setHeader("Idempotent-Replayed", "true")
}
