import { defineMiddlewares, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { parseSearchParams, parseSuggestParams, type ParamError } from "../lib/params"

function refuse(res: MedusaResponse, errors: ParamError[]) {
  res.status(400).json({
    type: "invalid_data",
    message: errors.map((e) => e.message).join("; "),
    errors,
  })
}

function validateSearch(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const parsed = parseSearchParams(req.query as Record<string, unknown>)
  if (!parsed.ok) return refuse(res, parsed.errors)
  ;(req as any).ocopSearchParams = parsed.value
  next()
}

function validateSuggest(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const parsed = parseSuggestParams(req.query as Record<string, unknown>)
  if (!parsed.ok) return refuse(res, parsed.errors)
  ;(req as any).ocopSuggestParams = parsed.value
  next()
}

export default defineMiddlewares({
  routes: [
    { matcher: "/store/ocop/search", methods: ["GET"], middlewares: [validateSearch] },
    { matcher: "/store/ocop/search/suggest", methods: ["GET"], middlewares: [validateSuggest] },
  ],
})
