import { describe, expect, it } from "vitest"
import {
  KEY_REMEMBERED_MS_MAX,
  type KeyContext,
  keyRememberedMs,
  PublishableKeyCache,
  rememberingKeyMiddleware,
} from "./publishable-key-cache"

const clock = () => {
  let t = 1_000_000
  return { now: () => t, advance: (ms: number) => (t += ms) }
}
const context = (key: string, ...channels: string[]) => ({ key, sales_channel_ids: channels })

describe("PublishableKeyCache", () => {
  it("forgets a key once its lifetime is over", () => {
    const c = clock()
    const cache = new PublishableKeyCache(1000, 10, c.now)
    cache.remember("pk_a", context("pk_a", "sc_market"))
    c.advance(999)
    expect(cache.get("pk_a")).toEqual(context("pk_a", "sc_market"))
    c.advance(1)
    expect(cache.get("pk_a")).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it("never remembers a key without a channel, a context of another key, or anything when turned off", () => {
    const cache = new PublishableKeyCache(1000)
    cache.remember("pk_a", context("pk_a"))
    cache.remember("pk_b", context("pk_other", "sc_market"))
    cache.remember("pk_c", undefined)
    expect(cache.size).toBe(0)
    const off = new PublishableKeyCache(0)
    off.remember("pk_a", context("pk_a", "sc_market"))
    expect(off.get("pk_a")).toBeUndefined()
  })

  it("hands out copies, and drops the oldest key when full", () => {
    const cache = new PublishableKeyCache(1000, 2)
    cache.remember("pk_a", context("pk_a", "sc_1"))
    cache.get("pk_a")?.sales_channel_ids.push("sc_widened")
    expect(cache.get("pk_a")).toEqual(context("pk_a", "sc_1"))
    cache.remember("pk_b", context("pk_b", "sc_2"))
    cache.remember("pk_c", context("pk_c", "sc_3"))
    expect(cache.get("pk_a")).toBeUndefined()
    expect(cache.get("pk_b")).toEqual(context("pk_b", "sc_2"))
    expect(cache.get("pk_c")).toEqual(context("pk_c", "sc_3"))
  })
})

describe("keyRememberedMs", () => {
  it("defaults to and never exceeds the stated lifetime; 0 turns it off", () => {
    expect(keyRememberedMs({})).toBe(KEY_REMEMBERED_MS_MAX)
    expect(keyRememberedMs({ OCOP_PUBLISHABLE_KEY_CACHE_MS: "60000" })).toBe(KEY_REMEMBERED_MS_MAX)
    expect(keyRememberedMs({ OCOP_PUBLISHABLE_KEY_CACHE_MS: "250" })).toBe(250)
    expect(keyRememberedMs({ OCOP_PUBLISHABLE_KEY_CACHE_MS: "0" })).toBe(0)
    expect(keyRememberedMs({ OCOP_PUBLISHABLE_KEY_CACHE_MS: "soon" })).toBe(KEY_REMEMBERED_MS_MAX)
  })
})

describe("rememberingKeyMiddleware", () => {
  // Stands in for Medusa's middleware: counts lookups; a key is valid while it is in `keys`.
  type FakeRequest = { get: (header: string) => string | undefined; publishable_key_context?: KeyContext }
  type Next = (error?: unknown) => void
  const medusa = (keys: Map<string, string[]>) => {
    const calls = { count: 0 }
    const middleware = async (req: FakeRequest, _res: unknown, next: Next) => {
      calls.count++
      await new Promise((r) => setTimeout(r, 5))
      const token = req.get("x-publishable-api-key") ?? ""
      const channels = keys.get(token)
      if (!channels) return next(new Error("A valid publishable key is required to proceed with the request"))
      req.publishable_key_context = context(token, ...channels)
      next()
    }
    return { middleware, calls }
  }
  const request = async (mw: unknown, token: string | undefined) => {
    const req: FakeRequest = { get: (h) => (h === "x-publishable-api-key" ? token : undefined) }
    let error: unknown
    await (mw as (req: FakeRequest, res: unknown, next: Next) => unknown)(req, {}, (e) => {
      error = e
    })
    return { context: req.publishable_key_context, error }
  }

  it("looks a key up once per lifetime and lets Medusa answer every refusal", async () => {
    const c = clock()
    const keys = new Map([
      ["pk_market", ["sc_market"]],
      ["pk_bare", []],
    ])
    const { middleware, calls } = medusa(keys)
    const mw = rememberingKeyMiddleware(middleware as never, new PublishableKeyCache(1000, 10, c.now))

    expect(await request(mw, "pk_market")).toEqual({ context: context("pk_market", "sc_market"), error: undefined })
    expect(await request(mw, "pk_market")).toEqual({ context: context("pk_market", "sc_market"), error: undefined })
    expect(calls.count).toBe(1)

    // Unknown and channel-less keys are asked about every time.
    for (let i = 0; i < 2; i++) expect(String((await request(mw, "pk_unknown")).error)).toContain("valid publishable")
    expect((await request(mw, undefined)).error).toBeInstanceOf(Error)
    await request(mw, "pk_bare")
    await request(mw, "pk_bare")
    expect(calls.count).toBe(6)

    // Revoked: still trusted until its lifetime is over, then refused.
    keys.delete("pk_market")
    c.advance(1000)
    expect(String((await request(mw, "pk_market")).error)).toContain("valid publishable")
  })

  it("asks once for concurrent requests with the same key, and lets each refused one hear Medusa", async () => {
    const keys = new Map([["pk_market", ["sc_market"]]])
    const { middleware, calls } = medusa(keys)
    const mw = rememberingKeyMiddleware(middleware as never, new PublishableKeyCache(1000))
    const served = await Promise.all(Array.from({ length: 5 }, () => request(mw, "pk_market")))
    expect(served).toEqual(Array(5).fill({ context: context("pk_market", "sc_market"), error: undefined }))
    expect(calls.count).toBe(1)

    const refused = await Promise.all(Array.from({ length: 5 }, () => request(mw, "pk_unknown")))
    for (const r of refused) expect(String(r.error)).toContain("valid publishable")
    expect(calls.count).toBe(6)
  })
})
