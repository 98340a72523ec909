import {
  errorHandler,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { gateRefusalMessage } from "../../lib/listing-gate-database"
import { conflictText, isLockTimeout } from "../../lib/conflicts"
import { localizeRefusals } from "./refusal-language"
import { sendFieldErrors } from "./validate"

const CART_COMPLETION = /^\/store\/carts\/[^/]+\/complete\/?$/
const OUT_OF_STOCK = /required inventory|not enough stock|insufficient.inventory/i

const isCartCompletion = (req: MedusaRequest) => req.method === "POST" && CART_COMPLETION.test(req.path)
export const isOutOfStock = (err: any) =>
  err?.code === MedusaError.Codes.INSUFFICIENT_INVENTORY || OUT_OF_STOCK.test(String(err?.message ?? ""))

/**
 * Medusa's error handler with five corrections, on every route:
 * - the database listing gate's refusal (decision 005) is a 400 with its sentence, on any path;
 * - a path Express cannot decode (`/store/products/%E0%A4%A`) is a 400, not a 500;
 * - a lock time-out is a 409 with a message instead of a 500 ("Timed-out acquiring lock.");
 *   at checkout — as is running out of the last units while completing — it reads "sold out";
 * - our own 409s keep their words (Medusa replaces every conflict message with a generic one);
 * - nothing is written once a response has gone out (the time limit answered already);
 * and every answer it writes carries a stable code and both languages (refusal-language.ts).
 */
export function ocopErrorHandler() {
  const medusa = errorHandler()
  return function ocopErrorHandler(err: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
    if (res.headersSent) return
    localizeRefusals(res)
    const gate = gateRefusalMessage(err)
    if (gate) {
      req.scope
        ?.resolve(ContainerRegistrationKeys.LOGGER)
        ?.info(`OCOP listing gate refused a write at ${req.path}: ${gate}`)
      res.status(400).json({ type: "invalid_data", code: "ocop_listing_gate", message: gate })
      return
    }
    if (err instanceof URIError || /failed to decode param/i.test(String(err?.message ?? ""))) {
      sendFieldErrors(res, {
        path: "The address contains malformed percent-encoding (e.g. a % not followed by two hex digits).",
      })
      return
    }
    if (isCartCompletion(req) && (isLockTimeout(err) || isOutOfStock(err))) {
      res.status(409).json({ type: MedusaError.Types.CONFLICT, code: "sold_out", message: conflictText.soldOut() })
      return
    }
    if (isLockTimeout(err)) {
      res.status(409).json({ type: MedusaError.Types.CONFLICT, code: "busy", message: conflictText.busy() })
      return
    }
    if (err?.type === MedusaError.Types.CONFLICT && String(err?.message ?? "").includes("(EN: ")) {
      // A conflict of ours may name its own code (e.g. idempotency_key_reused); else Medusa's generic one.
      const code = typeof err?.code === "string" && /^[a-z_]+$/.test(err.code) ? err.code : "invalid_state_error"
      res.status(409).json({ type: MedusaError.Types.CONFLICT, code, message: err.message })
      return
    }
    medusa(err, req, res, next)
  }
}
