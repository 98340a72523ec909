import {
  defineMiddlewares,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { container } from "@medusajs/framework"
import { startMemoryIndexAtBoot } from "../lib/memory-boot"
import { parseSearchParams, parseSuggestParams, type ParamError } from "../lib/params"

function refuse(res: MedusaResponse, errors: ParamError[]) {
  res.status(400).json({
    type: "invalid_data",
    message: errors.map((e) => e.message).join("; "),
    errors,
  })
}

/**
 * Medusa's locale middleware consumes `?locale` on every /store route before ours run (it becomes
 * the request's content locale), so the search reads its own `locale` from the raw query string.
 */
function queryWithOwnLocale(req: MedusaRequest): Record<string, unknown> {
  const query = { ...(req.query as Record<string, unknown>) }
  const raw = req.originalUrl.split("?").slice(1).join("?")
  const locales = new URLSearchParams(raw).getAll("locale")
  if (locales.length) query.locale = locales.length === 1 ? locales[0] : locales
  return query
}

function validateSearch(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const parsed = parseSearchParams(queryWithOwnLocale(req))
  if (!parsed.ok) return refuse(res, parsed.errors)
  ;(req as any).ocopSearchParams = parsed.value
  next()
}

function validateSuggest(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const parsed = parseSuggestParams(queryWithOwnLocale(req))
  if (!parsed.ok) return refuse(res, parsed.errors)
  ;(req as any).ocopSuggestParams = parsed.value
  next()
}

// Medusa loads this file only in a process that answers HTTP, once its modules are loaded: the
// in-process search index starts loading now, in the background, not at the first search
// (../lib/memory-boot; /health/ready waits for it)
setImmediate(() => void startMemoryIndexAtBoot(container))

export default defineMiddlewares({
  routes: [
    { matcher: "/store/ocop/search", methods: ["GET"], middlewares: [validateSearch] },
    { matcher: "/store/ocop/search/suggest", methods: ["GET"], middlewares: [validateSuggest] },
  ],
})
