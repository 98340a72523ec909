/**
 * Account and transport security for the whole backend (issue 10): security headers on every
 * answer (installed when this file loads), brute-force limits and the password policy on every
 * login, registration and reset, and webhooks only for payment providers that are configured.
 * Spread into the routes of ./middlewares.ts (producer status checks sit with the other /vendor
 * guards there).
 */
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { guardPasswordAuthRoutes } from "./utils/auth-guards"
import { limitRegistrationAt } from "./utils/auth-rate-limit"
import { refuseUnconfiguredPaymentWebhook } from "./utils/payment-webhooks"
import { installSecurityHeaders } from "./utils/security-headers"

installSecurityHeaders()

export const securityRoutes: MiddlewareRoute[] = [
  // No method: global middlewares, which Medusa runs before any route-specific one (its own
  // authentication on these routes included); they pick their requests themselves.
  { matcher: "/auth/*", middlewares: [guardPasswordAuthRoutes] },
  ...["/producers/signup", "/store/customers", "/admin/invites/accept"].map((path) => ({
    matcher: path,
    middlewares: [limitRegistrationAt(path)],
  })),
  { matcher: "/hooks/payment/:provider", method: ["POST"], middlewares: [refuseUnconfiguredPaymentWebhook] },
]
