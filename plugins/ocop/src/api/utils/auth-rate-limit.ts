import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible"
import { clientIp } from "./client-ip"
import { refuse } from "./refuse"

/**
 * Brute-force limits on every login, registration and password reset, per client address and per
 * account, kept where the cluster keeps its shared state: Redis when REDIS_URL is configured (all
 * server processes count together), process memory otherwise (one server, dev, tests).
 *
 * - per address: every such request counts (OCOP_AUTH_IP_LIMIT, default 100 per window);
 * - per account: each login counts until it succeeds (a success clears the count), so parallel
 *   guesses are counted before their answers; each reset request counts (OCOP_AUTH_ACCOUNT_LIMIT,
 *   default 10 per window);
 * - window: OCOP_AUTH_WINDOW_SECONDS, default 900 (15 minutes).
 * Over a limit: 429 with Retry-After (seconds).
 */
export type AuthAttempt = "login" | "register" | "reset" | "update" | "signup"

type Limiters = {
  ip: RateLimiterAbstract
  login: RateLimiterAbstract
  reset: RateLimiterAbstract
  windowSeconds: number
}
let limiters: Limiters | undefined

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback
}

function limitersFor(req: MedusaRequest): Limiters {
  if (limiters) return limiters
  const windowSeconds = positive("OCOP_AUTH_WINDOW_SECONDS", 900)
  const ipPoints = positive("OCOP_AUTH_IP_LIMIT", 100)
  const accountPoints = positive("OCOP_AUTH_ACCOUNT_LIMIT", 10)
  const redisUrl = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.redisUrl
  // rate-limiter-flexible wants a client that fails fast rather than queueing while Redis is away;
  // meanwhile the in-memory insurance limiter keeps counting in this process.
  const redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : undefined
  const make = (keyPrefix: string, points: number): RateLimiterAbstract => {
    const options = { keyPrefix: `ocop-auth-${keyPrefix}`, points, duration: windowSeconds }
    return redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options)
  }
  limiters = {
    ip: make("ip", ipPoints),
    login: make("login", accountPoints),
    reset: make("reset", accountPoints),
    windowSeconds,
  }
  return limiters
}

function tooMany(res: MedusaResponse, rejection: RateLimiterRes) {
  const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
  const minutes = Math.ceil(seconds / 60)
  res.setHeader("Retry-After", String(seconds))
  refuse(res, 429, "too_many_requests", "too_many_attempts", {
    en: `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    vi: `Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
  })
}

/** Takes one point; false (and the 429 sent) when the limit is used up. */
async function take(
  limiter: RateLimiterAbstract,
  key: string,
  req: MedusaRequest,
  res: MedusaResponse
): Promise<boolean> {
  try {
    await limiter.consume(key)
    return true
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      tooMany(res, rejection)
      return false
    }
    // The store failed and no insurance answered: let the request through rather than lock everyone out.
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`auth rate limit unavailable: ${(rejection as Error)?.message}`)
    return true
  }
}

const accountOf = (value: unknown) => (typeof value === "string" ? value.trim().toLowerCase() : "")

/** Limits one kind of auth request; `actorType` names the account space for per-account limits. */
export async function limitAuthAttempt(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction,
  attempt: AuthAttempt,
  actorType = ""
) {
  const { ip, login, reset } = limitersFor(req)
  if (!(await take(ip, clientIp(req), req, res))) return
  const body = (req.body ?? {}) as Record<string, unknown>
  if (attempt === "login") {
    const account = accountOf(body.email)
    if (account) {
      const key = `${actorType}:${account}`
      if (!(await take(login, key, req, res))) return
      res.on("finish", () => {
        if (res.statusCode < 300) login.delete(key).catch(() => {})
      })
    }
  }
  if (attempt === "reset") {
    const account = accountOf(body.identifier)
    if (account && !(await take(reset, `${actorType}:${account}`, req, res))) return
  }
  next()
}

/**
 * For a registration step outside /auth (producer sign-up, customer creation, invite acceptance),
 * mounted as a global middleware on that path so that it counts before Medusa's own
 * authentication middleware can answer.
 */
export function limitRegistrationAt(path: string) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const requested = (req.originalUrl ?? req.url).split("?")[0].replace(/\/+$/, "")
    if (req.method !== "POST" || requested !== path) return next()
    return limitAuthAttempt(req, res, next, "signup")
  }
}
