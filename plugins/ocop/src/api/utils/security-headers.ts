import { errorHandler, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import helmet from "helmet"

const production = process.env.NODE_ENV === "production"

/**
 * Security headers (helmet) on the backend's answers. API answers are data, never pages: nothing
 * may be loaded from them (`default-src 'none'`) and no site may frame them. The admin dashboard
 * (/app) is a page with its own scripts, so it only gets the headers that cannot break it.
 * Images under /static are served before any middleware runs and keep Express's defaults.
 * HSTS only in production (a browser would otherwise pin plain-http localhost to https).
 */
const shared = {
  // The storefront (another origin) shows images and the admin reads JSON: not same-origin only.
  crossOriginResourcePolicy: { policy: "cross-origin" as const },
  referrerPolicy: { policy: "no-referrer" as const },
  strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
}
const apiHeaders = helmet({
  ...shared,
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  frameguard: { action: "deny" },
})
const dashboardHeaders = helmet({ ...shared, contentSecurityPolicy: false, frameguard: { action: "sameorigin" } })

function applyHeaders(req: MedusaRequest, res: MedusaResponse) {
  if (res.headersSent) return
  const path = (req.originalUrl ?? req.url ?? "").split("?")[0]
  const headers = path === "/app" || path.startsWith("/app/") ? dashboardHeaders : apiHeaders
  headers(req as any, res as any, () => {})
  // Express adds X-Powered-By to every answer unless the app turns it off; this is the same app.
  if (req.app?.enabled?.("x-powered-by")) req.app.disable("x-powered-by")
}

/** Global middleware (every route that reaches the API router). */
export function securityHeaders(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  applyHeaders(req, res)
  next()
}

/**
 * Medusa's error handler, with the headers added first: errors raised before the route
 * middlewares run (missing token on /admin, missing publishable key on /store) end here.
 */
const medusaErrorHandler = errorHandler()
export function errorHandlerWithSecurityHeaders(err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  applyHeaders(req, res)
  return medusaErrorHandler(err as any, req, res, next)
}
