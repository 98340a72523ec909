import type { MedusaRequest } from "@medusajs/framework/http"
import proxyaddr from "proxy-addr"

/**
 * The address a request really comes from, for per-IP limits. X-Forwarded-For is believed only
 * when it was added by a trusted proxy (OCOP_TRUSTED_PROXIES, default "loopback": the storefront
 * or a reverse proxy on the same machine); anyone else could write any address in it.
 * Medusa's own `req.ip` trusts one hop from anywhere, which a direct client can forge.
 */
let trust: ((addr: string, i: number) => boolean) | undefined

export function clientIp(req: MedusaRequest): string {
  trust ??= proxyaddr.compile(
    (process.env.OCOP_TRUSTED_PROXIES ?? "loopback")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s && s !== "none")
  )
  return proxyaddr(req as any, trust)
}
