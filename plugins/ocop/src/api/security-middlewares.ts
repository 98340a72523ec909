/**
 * Account and transport security for the whole backend (issue 10): security headers, brute-force
 * limits and the password policy on every login, registration and reset, and webhooks only for
 * payment providers that are configured. Spread into the routes of ./middlewares.ts.
 * (Producer status checks sit with the other /vendor guards there.)
 */
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { guardPasswordAuthRoutes } from "./utils/auth-guards"
import { limitRegistration } from "./utils/auth-rate-limit"
import { refuseUnconfiguredPaymentWebhook } from "./utils/payment-webhooks"
import { securityHeaders } from "./utils/security-headers"

export { errorHandlerWithSecurityHeaders } from "./utils/security-headers"

export const securityRoutes: MiddlewareRoute[] = [
  // No method: global middlewares, which Medusa runs before any route-specific one.
  { matcher: "*", middlewares: [securityHeaders] },
  { matcher: "/auth/*", middlewares: [guardPasswordAuthRoutes] },
  { matcher: "/producers/signup", method: ["POST"], middlewares: [limitRegistration] },
  { matcher: "/store/customers", method: ["POST"], middlewares: [limitRegistration] },
  { matcher: "/admin/invites/accept", method: ["POST"], middlewares: [limitRegistration] },
  { matcher: "/hooks/payment/:provider", method: ["POST"], middlewares: [refuseUnconfiguredPaymentWebhook] },
]
