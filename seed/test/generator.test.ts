import { describe, expect, it } from "vitest"
import { planCatalogue, seedTag } from "../src/lib/generator"
import { createRng } from "../src/lib/rng"
import { PLACES } from "../src/lib/names"
import { listProvinces } from "../src/lib/places"

const NOW = new Date("2026-11-23T12:00:00Z")

describe("synthetic catalogue generator", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const a = planCatalogue({ count: 300, seed: "abc", now: NOW })
    const b = planCatalogue({ count: 300, seed: "abc", now: NOW })
    const c = planCatalogue({ count: 300, seed: "xyz", now: NOW })
    expect(a.products.map((p) => [p.handle, p.title, p.price, p.stars])).toEqual(
      b.products.map((p) => [p.handle, p.title, p.price, p.stars])
    )
    expect(a.producers.map((p) => p.name)).toEqual(b.producers.map((p) => p.name))
    expect(c.products.map((p) => p.title)).not.toEqual(a.products.map((p) => p.title))
    expect(seedTag("abc")).toMatch(/^[0-9a-z]{3}$/)
  })

  it("a smaller run is a prefix of a larger one (re-runs with more products only add)", () => {
    const small = planCatalogue({ count: 200, seed: "s", now: NOW })
    const large = planCatalogue({ count: 500, seed: "s", now: NOW })
    expect(large.products.slice(0, 200).map((p) => p.handle)).toEqual(small.products.map((p) => p.handle))
  })

  it("writes plausible Vietnamese names: a product base followed by a local place or brand", () => {
    const plan = planCatalogue({ count: 500, seed: "names", now: NOW })
    const places = new Set(Object.values(PLACES).flat())
    const withPlace = plan.products.filter((p) => [...places].some((pl) => p.title.endsWith(pl)))
    expect(withPlace.length / plan.products.length).toBeGreaterThan(0.6)
    for (const p of plan.products) {
      expect(p.title).toMatch(/^\p{Lu}/u)
      expect(p.handle).toMatch(/^[a-z0-9-]+$/)
      expect(p.price % 1000).toBe(0)
      expect(p.price).toBeGreaterThan(0)
    }
    expect(new Set(plan.products.map((p) => p.handle)).size).toBe(500)
    expect(new Set(plan.producers.map((p) => p.handle)).size).toBe(plan.producers.length)
  })

  it("keeps the star and producer mix within tolerance for N = 10,000", () => {
    const plan = planCatalogue({ count: 10000, seed: "mix", now: NOW })
    /** A share that must fall strictly between the bounds of its tolerance. */
    const expectBetween = (what: string, value: number, low: number, high: number) => {
      expect(value, what).toBeGreaterThan(low)
      expect(value, what).toBeLessThan(high)
    }
    const share = (n: number) => n / plan.products.length
    const stars = (s: number) => share(plan.products.filter((p) => p.stars === s).length)
    expectBetween("3★ share", stars(3), 0.7, 0.76)
    expectBetween("4★ share", stars(4), 0.23, 0.29)
    expectBetween("5★ share", stars(5), 0.004, 0.02)

    const producers = plan.producers
    const type = (t: string) => producers.filter((p) => p.entity_type === t).length / producers.length
    expectBetween("cooperatives", type("cooperative"), 0.3, 0.38)
    expectBetween("enterprises", type("enterprise"), 0.21, 0.29)
    expect(type("household") + type("cooperative_group")).toBeGreaterThan(0.36)
    expectBetween("products per producer", plan.products.length / producers.length, 2.0, 2.4)

    // every province and every group appears
    expect(new Set(plan.products.map((p) => p.province_code)).size).toBe(listProvinces().length)
    expect(new Set(plan.products.map((p) => p.group_slug)).size).toBe(6)
    // most products are listable; a small share is held back on purpose
    const current = plan.products.map((p) => p.certifications.find((c) => c.is_current)!)
    const approved = current.filter((c) => c.status === "approved").length / current.length
    expect(approved).toBeGreaterThan(0.95)
    expect(approved).toBeLessThan(0.995)
  })

  it("the PRNG is stable across runs and forks are independent", () => {
    const a = createRng("fixed")
    const b = createRng("fixed")
    const seqA = Array.from({ length: 5 }, () => a.int(0, 1_000_000))
    expect(Array.from({ length: 5 }, () => b.int(0, 1_000_000))).toEqual(seqA)
    expect(createRng("fixed").fork("x").next()).not.toBe(createRng("fixed").fork("y").next())
    const w = createRng("w")
    const counts = { a: 0, b: 0 }
    for (let i = 0; i < 10000; i++)
      counts[
        w.weighted([
          ["a", 3],
          ["b", 1],
        ] as const)
      ]++
    expect(counts.a / 10000).toBeGreaterThan(0.72)
    expect(counts.a / 10000).toBeLessThan(0.78)
  })
})
