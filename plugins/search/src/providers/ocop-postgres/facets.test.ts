import { describe, expect, it } from "vitest"
import { ocopPlan } from "../../__tests__/ocop-plan"
import { facetRequests, facetResults, sortedCounts } from "./facets"

describe("facet requests and results", () => {
  it("names given as strings are value facets; a field without a column is refused", () => {
    expect(facetRequests(["stars", { field: "min_price", type: "stats" }], ocopPlan(), "ocop_product")).toEqual([
      { field: "stars", type: "value" },
      { field: "min_price", type: "stats" },
    ])
    expect(() => facetRequests(["title"], ocopPlan(), "ocop_product")).toThrow(
      /"title" is not facetable on search index "ocop_product"/
    )
  })
  it("sorts counts largest first, ties by value in code-unit order, and cuts at the limit", () => {
    const counts = new Map([
      ["ha-noi", 2],
      ["an-giang", 2],
      ["Zeta", 2],
      ["dak-lak", 5],
    ])
    expect(sortedCounts(counts, 3).map((c) => c.value)).toEqual(["dak-lak", "Zeta", "an-giang"])
  })
  it("maps filled rows (json text or objects) to the Search Module's facet results", () => {
    const results = facetResults(
      [
        { field: "stars" },
        { field: "min_price", type: "stats" },
        { field: "min_price", type: "range", ranges: [{ key: "cheap", to: 100 }, { from: 100 }] },
      ],
      {
        f0: JSON.stringify([{ value: "5", count: 2 }]),
        f1: { min: null, max: null, avg: null, count: 0 },
        f2: { "1": 7 },
      }
    )
    expect(results.stars).toEqual({ type: "value", values: [{ value: "5", count: 2 }] })
    // the last request for a field wins
    expect(results.min_price).toEqual({
      type: "range",
      ranges: [
        { key: "cheap", from: undefined, to: 100, count: 0 },
        { key: "1", from: 100, to: undefined, count: 7 },
      ],
    })
    const stats = facetResults([{ field: "min_price", type: "stats" }], {
      f0: { min: null, max: null, avg: null, count: 0 },
    })
    expect(stats.min_price).toEqual({ type: "stats", min: 0, max: 0, avg: undefined, count: 0 })
  })
})
