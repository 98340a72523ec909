import { randomUUID } from "node:crypto"
import type { IncomingMessage, ServerResponse } from "node:http"
import os from "node:os"

/**
 * Which request this is, and which server answered it, on every answer:
 * - `X-Request-Id`: the id the storefront (or the proxy) sent, when it is a plain token, else a new
 *   one. It is written back into the request, so Medusa's own `req.requestId` (and its logs) carry
 *   the same id the storefront logged.
 * - `X-Served-By`: the server's name (OCOP_SERVER_NAME, set by `npm run cluster`; else the host
 *   name and process id), so one can see which server of a cluster answered.
 * Called from the same diagnostics-channel hook as the security headers (security-headers.ts).
 */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/
const serverName = process.env.OCOP_SERVER_NAME?.trim() || `${os.hostname()}:${process.pid}`

export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers["x-request-id"]
  if (typeof given === "string" && REQUEST_ID.test(given)) return given
  const id = randomUUID()
  request.headers["x-request-id"] = id
  return id
}

export function applyRequestIdentity(request: IncomingMessage, response: ServerResponse) {
  response.setHeader("X-Request-Id", requestIdOf(request))
  response.setHeader("X-Served-By", serverName)
}
