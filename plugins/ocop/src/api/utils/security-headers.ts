import diagnosticsChannel from "node:diagnostics_channel"
import type { IncomingMessage, ServerResponse } from "node:http"
import helmet from "helmet"
import { observeRequest } from "../../observability/metrics"
import { applyRequestIdentity } from "./request-identity"

/**
 * Security headers (helmet) on every answer of the backend. API answers are data, never pages:
 * nothing may be loaded from them (`default-src 'none'`) and no site may frame them. The admin
 * dashboard (/app) is a page with its own scripts, so it gets only the headers that cannot break
 * it. HSTS only in production (a browser would otherwise pin plain-http localhost to https).
 *
 * Why a diagnostics channel and not an Express middleware: Medusa gives plugins no hook on its
 * Express app before its own middlewares, and those answer some requests themselves (401 without
 * an admin token, 400 without a publishable key) before any plugin middleware runs. Node publishes
 * `http.server.request.start` for every request before the app sees it, so the headers are set
 * first and every answer keeps them, whoever writes it.
 */
const production = process.env.NODE_ENV === "production"
const shared = {
  // The storefront (another origin) shows the backend's images and the admin reads its JSON.
  crossOriginResourcePolicy: { policy: "cross-origin" as const },
  referrerPolicy: { policy: "no-referrer" as const },
  strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : (false as const),
}
const apiHeaders = helmet({
  ...shared,
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  frameguard: { action: "deny" },
})
const dashboardHeaders = helmet({ ...shared, contentSecurityPolicy: false, frameguard: { action: "sameorigin" } })

export function applySecurityHeaders(request: IncomingMessage, response: ServerResponse) {
  const path = (request.url ?? "").split("?")[0]
  const headers = path === "/app" || path.startsWith("/app/") ? dashboardHeaders : apiHeaders
  headers(request, response, () => {})
  // Express adds X-Powered-By to every answer of an app that does not turn it off, and Medusa's
  // app does not: this answer ignores that one header.
  const setHeader = response.setHeader
  response.setHeader = function (name: string, value: number | string | readonly string[]) {
    return name.toLowerCase() === "x-powered-by" ? this : setHeader.call(this, name, value)
  }
}

const onRequest = (message: unknown) => {
  const { request, response } = message as { request: IncomingMessage; response: ServerResponse }
  applySecurityHeaders(request, response)
  applyRequestIdentity(request, response)
  observeRequest(request, response)
}
let installed = false

/** Once per process (the API's middlewares file may be loaded more than once). */
export function installSecurityHeaders() {
  if (installed) return
  installed = true
  diagnosticsChannel.subscribe("http.server.request.start", onRequest)
}
