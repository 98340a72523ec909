import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { limitAuthAttempt, type AuthAttempt } from "./auth-rate-limit"
import { enforcePasswordPolicy } from "./password-policy"

const STEPS: Record<string, AuthAttempt> = {
  "": "login",
  register: "register",
  "reset-password": "reset",
  update: "update",
}

/**
 * Medusa's password routes for every actor type (user, customer, producer, curator):
 * POST /auth/:actor_type/emailpass[/register|/reset-password|/update]. Mounted as a global
 * middleware so that it runs before Medusa's own middlewares on these routes (the update route's
 * spends the reset token).
 */
export async function guardPasswordAuthRoutes(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "POST") return next()
  const path = (req.originalUrl ?? req.url).split("?")[0].replace(/\/+$/, "")
  const match = /^\/auth\/([^/]+)\/emailpass(?:\/([^/]+))?$/.exec(path)
  const attempt = match ? STEPS[match[2] ?? ""] : undefined
  if (!match || !attempt) return next()
  const afterLimit = attempt === "register" || attempt === "update" ? () => enforcePasswordPolicy(req, res, next) : next
  return limitAuthAttempt(req, res, afterLimit, attempt, match[1])
}
