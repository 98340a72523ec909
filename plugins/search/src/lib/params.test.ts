import { describe, expect, it } from "vitest"
import { parseSearchParams, parseSuggestParams } from "./params"
import { buildFilters, buildOrder } from "./ocop-search"

describe("search parameters", () => {
  it("defaults", () => {
    const r = parseSearchParams({})
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({ q: "", stars: [], sort: "relevance", page: 1, limit: 20, locale: "vi" }),
    })
  })
  it("stars repeatable or comma separated, deduplicated", () => {
    const a = parseSearchParams({ stars: ["5", "4", "5"] })
    const b = parseSearchParams({ stars: "4,5" })
    expect(a.ok && a.value.stars).toEqual([4, 5])
    expect(b.ok && b.value.stars).toEqual([4, 5])
  })
  it("province: slug, name, former name (via) and unaccented", () => {
    const r = parseSearchParams({ province: "Bình Dương" })
    expect(r.ok && r.value.province?.province.slug).toBe("ho-chi-minh")
    expect(r.ok && r.value.province?.via_former?.name_vi).toBe("Bình Dương")
    const s = parseSearchParams({ province: "dak-lak" })
    expect(s.ok && s.value.province?.via_former).toBeUndefined()
  })
  it("subgroup must belong to group", () => {
    const r = parseSearchParams({ group: "do-uong", subgroup: "gia-vi" })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0].param).toBe("subgroup")
  })
  it("errors name the parameter", () => {
    const r = parseSearchParams({ limit: "1000", stars: "7" })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => e.param).sort()).toEqual(["limit", "stars"])
  })
  it("filters and order for the index", () => {
    const r = parseSearchParams({
      q: "chè",
      stars: ["4", "5"],
      min_price: "1000",
      producer_type: "household",
      province: "Quảng Nam",
    })
    if (!r.ok) throw new Error("parse")
    expect(buildFilters(r.value)).toEqual({
      province_slug: "da-nang",
      stars: { $in: [4, 5] },
      producer_type: "household",
      min_price: { $gte: 1000 },
    })
    expect(buildOrder(r.value)).toEqual({ _score: "DESC", stars: "DESC" })
    expect(buildOrder({ ...r.value, sort: "price_asc" })).toEqual({ min_price: "ASC" })
  })
  it("suggest needs q and caps limit at 8", () => {
    expect(parseSuggestParams({}).ok).toBe(false)
    expect(parseSuggestParams({ q: "tra", limit: "9" }).ok).toBe(false)
    expect(parseSuggestParams({ q: " tra " })).toEqual({ ok: true, value: { q: "tra", limit: 8, locale: "vi" } })
    // ?q=a&q=b: the field and what is wrong with it, not "required"
    expect(parseSuggestParams({ q: ["a", "b"] })).toEqual({
      ok: false,
      errors: [{ param: "q", message: "q must be one text, given once" }],
    })
    expect(parseSuggestParams({})).toMatchObject({ errors: [{ param: "q", message: "q is required" }] })
  })
})
