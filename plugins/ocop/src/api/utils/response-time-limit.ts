import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bilingual } from "../../lib/conflicts"

export const DEFAULT_RESPONSE_TIMEOUT_SECONDS = 30

/** HTTP_RESPONSE_TIMEOUT_SECONDS (0 turns the limit off); read per request so tests can lower it. */
export function responseTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.HTTP_RESPONSE_TIMEOUT_SECONDS
  const seconds = raw === undefined || raw === "" ? DEFAULT_RESPONSE_TIMEOUT_SECONDS : Number(raw)
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_RESPONSE_TIMEOUT_SECONDS * 1000
}

/**
 * No request hangs forever: when nothing has been sent after the limit, the client gets a 503
 * with Retry-After and the handler's late answer is dropped (error-handler.ts ignores errors once
 * headers are out). The work itself is not cancelled — workflows finish or compensate on their own.
 */
export function answerWithinTimeLimit(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const limit = responseTimeoutMs()
  if (!limit) return next()
  const timer = setTimeout(() => {
    if (res.headersSent || res.writableEnded) return
    ;(req as any).timedOut = true
    res.setHeader("Retry-After", "5")
    res.status(503).json({
      type: "unexpected_state",
      code: "response_timeout",
      message: bilingual(
        "Máy chủ chưa trả lời kịp. Vui lòng thử lại sau giây lát.",
        `The server did not answer within ${limit / 1000} seconds. Please try again in a moment.`
      ),
    })
  }, limit)
  timer.unref()
  const clear = () => clearTimeout(timer)
  res.once("finish", clear)
  res.once("close", clear)
  next()
}
