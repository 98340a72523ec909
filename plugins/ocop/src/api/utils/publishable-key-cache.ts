import path from "node:path"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** The longest a process may go on trusting a key it looked up: a revoked key stops working within it. */
export const KEY_REMEMBERED_MS_MAX = 1000
const KEY_HEADER = "x-publishable-api-key"

export type KeyContext = { key: string; sales_channel_ids: string[] }

/**
 * OCOP_PUBLISHABLE_KEY_CACHE_MS: how long a looked-up key is trusted (default and most
 * KEY_REMEMBERED_MS_MAX; 0 turns the cache off, which is what Medusa does on its own).
 */
export function keyRememberedMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.OCOP_PUBLISHABLE_KEY_CACHE_MS
  const ms = raw === undefined || raw.trim() === "" ? KEY_REMEMBERED_MS_MAX : Number(raw)
  if (!Number.isFinite(ms) || ms < 0) return KEY_REMEMBERED_MS_MAX
  return Math.min(ms, KEY_REMEMBERED_MS_MAX)
}

/**
 * Keys Medusa has accepted, by token, for at most `lifetimeMs` each. Only keys bound to at least
 * one channel are remembered: a refusal, a key without a channel (which our channel guard refuses)
 * and an unknown token are looked up again on every request, so binding a key takes effect at
 * once, and unknown tokens cannot fill the map. At most `capacity` keys (the oldest goes first).
 */
export class PublishableKeyCache {
  private readonly entries = new Map<string, { channelIds: string[]; until: number }>()

  constructor(
    readonly lifetimeMs: number,
    readonly capacity = 100,
    private readonly now: () => number = Date.now
  ) {}

  get size(): number {
    return this.entries.size
  }

  get(token: string): KeyContext | undefined {
    const entry = this.entries.get(token)
    if (!entry) return undefined
    if (entry.until <= this.now()) {
      this.entries.delete(token)
      return undefined
    }
    // A copy: a route changing its request's context must not change the next request's.
    return { key: token, sales_channel_ids: [...entry.channelIds] }
  }

  remember(token: string, context: KeyContext | undefined): void {
    if (this.lifetimeMs <= 0 || !context || context.key !== token) return
    if (!Array.isArray(context.sales_channel_ids) || context.sales_channel_ids.length === 0) return
    this.entries.delete(token)
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    this.entries.set(token, { channelIds: [...context.sales_channel_ids], until: this.now() + this.lifetimeMs })
  }
}

type KeyRequest = MedusaRequest & { publishable_key_context?: KeyContext }
type KeyMiddleware = ((req: KeyRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown) & {
  ocopRemembering?: boolean
}

/**
 * Medusa's key middleware with `cache` in front: a remembered key skips the lookup, a miss asks
 * Medusa. Concurrent misses for one token wait for the first one's lookup (when a key expires under
 * load, one query instead of one per waiting request), then ask Medusa themselves if it was refused.
 */
export function rememberingKeyMiddleware(medusaMiddleware: KeyMiddleware, cache: PublishableKeyCache): KeyMiddleware {
  const lookups = new Map<string, Promise<void>>()
  const serveKnown = (req: KeyRequest, next: MedusaNextFunction, token: string | undefined): boolean => {
    const known = token ? cache.get(token) : undefined
    if (known) {
      req.publishable_key_context = known
      next()
    }
    return known !== undefined
  }
  const askMedusa = (req: KeyRequest, res: MedusaResponse, next: MedusaNextFunction, token: string | undefined) =>
    medusaMiddleware(req, res, (error?: unknown) => {
      if (!error && token) cache.remember(token, req.publishable_key_context)
      next(error)
    })

  const middleware: KeyMiddleware = async function ensurePublishableApiKeyMiddleware(req, res, next) {
    const token = req.get(KEY_HEADER)
    if (serveKnown(req, next, token)) return
    if (!token) return askMedusa(req, res, next, token)
    const running = lookups.get(token)
    if (running) {
      await running
      if (serveKnown(req, next, token)) return
      return askMedusa(req, res, next, token)
    }
    let settle = () => {}
    lookups.set(
      token,
      new Promise<void>((resolve) => {
        settle = resolve
      })
    )
    try {
      return await askMedusa(req, res, next, token)
    } finally {
      lookups.delete(token)
      settle()
    }
  }
  middleware.ocopRemembering = true
  return middleware
}

/**
 * Medusa 2.21.2 runs its publishable-key middleware first on every /store request, and it asks the
 * database for the key and its sales channels each time (≈ 4 ms of a 6 ms search at 100k
 * products). Its own remedy — the Caching Module behind the `caching` feature flag — would also
 * start caching cart, order, shipping-option and variant reads for an hour by default, and invalidates
 * through events a cluster's other processes never see; so the key lookup alone is remembered here,
 * in this process, for at most KEY_REMEMBERED_MS_MAX.
 *
 * The seam is the one guardMedusaLocaleMiddleware uses (medusa-locale.ts): the router reads
 * `ensurePublishableApiKeyMiddleware` from its module when it registers it, after it has imported
 * every middlewares.ts, so this wrapper — installed when our middlewares.ts is imported — is what
 * gets registered. Unknown, revoked and missing keys still get Medusa's own answer (Medusa decides
 * every miss). Checked by integration-tests/http/ocop/publishable-key-cache.spec.ts; re-check when
 * upgrading Medusa.
 */
export function rememberPublishableKeys(lifetimeMs = keyRememberedMs()): boolean {
  if (lifetimeMs <= 0) return false
  let mod: { ensurePublishableApiKeyMiddleware?: KeyMiddleware } | undefined
  try {
    const httpEntry = require.resolve("@medusajs/framework/http")
    mod = require(path.join(path.dirname(httpEntry), "middlewares", "ensure-publishable-api-key.js"))
  } catch {
    return false
  }
  const medusaMiddleware = mod?.ensurePublishableApiKeyMiddleware
  if (!mod || typeof medusaMiddleware !== "function") return false
  if (medusaMiddleware.ocopRemembering) return true
  mod.ensurePublishableApiKeyMiddleware = rememberingKeyMiddleware(
    medusaMiddleware,
    new PublishableKeyCache(lifetimeMs)
  )
  return true
}
