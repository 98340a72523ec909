import { timingSafeEqual } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { metricsContentType, metricsText } from "../../observability/metrics"

/**
 * GET /metrics — Prometheus text format. Who may read it: with OCOP_METRICS_TOKEN set, a request
 * bearing that token; without it, only a scraper on this machine talking to the process directly
 * (a loopback peer and no X-Forwarded-For: requests through the proxy carry one). Others get 404.
 */
function mayRead(req: MedusaRequest): boolean {
  const token = process.env.OCOP_METRICS_TOKEN?.trim()
  if (token) {
    const given = Buffer.from(String(req.headers.authorization ?? "").replace(/^Bearer\s+/i, ""))
    const expected = Buffer.from(token)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }
  const peer = req.socket.remoteAddress ?? ""
  const loopback = peer === "::1" || peer.startsWith("127.") || peer.startsWith("::ffff:127.")
  return loopback && req.headers["x-forwarded-for"] === undefined
}

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  if (!mayRead(req)) return res.status(404).json({ type: "not_found", message: "Not found" })
  res.setHeader("Content-Type", metricsContentType)
  res.send(await metricsText())
}
