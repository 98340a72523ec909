import { describe, expect, it } from "vitest"
import { ocopPlan } from "../../__tests__/ocop-plan"
import { foldOnePass, onePassSelect, perFacetSelects, type KeyedFilter } from "./facet-sql"
import type { FacetRequest } from "./facets"

const plan = ocopPlan()
const facets: FacetRequest[] = [
  { field: "province_slug" },
  { field: "stars", limit: 1 },
  { field: "min_price", type: "stats" },
]
const starsFilter: KeyedFilter = { field: "stars", where: { sql: `"f_stars" = ?`, params: [5] }, alias: "k0" }

describe("one GROUP BY pass", () => {
  it("groups by every value facet and every disjunctive filter flag, with the stats measures", () => {
    const sql = onePassSelect(plan, facets, [starsFilter])
    expect(sql).toContain(`"f_province_slug"::text AS g0`)
    expect(sql).toContain(`"f_min_price"::double precision AS s2`)
    expect(sql).toContain(`coalesce(k0, false) AS k0`)
    expect(sql).toContain("GROUP BY g0, g1, k0")
    expect(sql).toMatch(/AS agg$/)
  })
  it("folds cells: a facet counts the cells where every other disjunctive filter holds", () => {
    const cells = [
      { g0: "an-giang", g1: "5", k0: true, n: 2, mn2: 100, mx2: 200, sm2: 300, ct2: 2 },
      { g0: "an-giang", g1: "4", k0: false, n: 3, mn2: 50, mx2: 80, sm2: 190, ct2: 3 },
      { g0: null, g1: "5", k0: true, n: 1, mn2: null, mx2: null, sm2: null, ct2: 0 },
    ]
    expect(foldOnePass(cells, facets, [starsFilter], true)).toEqual({
      total: 3,
      f0: [{ value: "an-giang", count: 2 }],
      f1: [{ value: "4", count: 3 }], // stars ignores its own filter: 5 → 3, 4 → 3; limit 1, ties by value
      f2: { min: 100, max: 200, avg: 150, count: 2 }, // price is not the filtered field: stars = 5 holds
    })
  })
  it("leaves the total out when the search does not count", () => {
    expect(foldOnePass([], facets, [], false)).not.toHaveProperty("total")
  })
})

describe("one subquery per facet", () => {
  it("each facet leaves out its own filter; range bounds are bound in order", () => {
    const range: FacetRequest = { field: "min_price", type: "range", ranges: [{ to: 100 }, { from: 100, to: 500 }] }
    const { selects, params } = perFacetSelects(
      plan,
      [{ field: "stars" }, { field: "province_slug" }, range],
      [starsFilter]
    )
    expect(selects[0]).toContain(`FROM m WHERE TRUE AND "f_stars" IS NOT NULL`)
    expect(selects[1]).toContain(`FROM m WHERE k0 AND "f_province_slug" IS NOT NULL`)
    expect(selects[2]).toBe(
      `(SELECT json_build_object('0', count(*) FILTER (WHERE k0 AND "f_min_price" < ?), ` +
        `'1', count(*) FILTER (WHERE k0 AND "f_min_price" >= ? AND "f_min_price" < ?)) FROM m) AS f2`
    )
    expect(params).toEqual([100, 100, 500])
  })
})
