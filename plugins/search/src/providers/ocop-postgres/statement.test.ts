import { describe, expect, it } from "vitest"
import { ocopPlan } from "../../__tests__/ocop-plan"
import type { FacetRequest } from "./facets"
import { compileOrder, searchStatement, splitFilters, type SearchStatementInput } from "./statement"
import { compileTextMatch, parseTextQuery } from "./text-match"

const plan = ocopPlan()

describe("filters, order and the statement", () => {
  it("a filter on a disjunctive facet's field becomes a flag; the others restrict the match set", () => {
    const { always, keyed } = splitFilters({ stars: 5, group_slug: "do-uong", q: "ignored" }, plan, new Set(["stars"]))
    expect(keyed).toEqual([{ field: "stars", where: { sql: `"f_stars" = ?`, params: [5] }, alias: "k0" }])
    expect(always).toEqual([{ sql: `"f_group_slug" = ?`, params: ["do-uong"] }])
    expect(() => splitFilters({ title: "x" }, plan, new Set())).toThrow(/not filterable/)
  })
  it("orders by the requested fields (NULLs last), then id; by score or id by default", () => {
    expect(compileOrder(plan, { min_price: "ASC", _score: "DESC" }, true, "i").sql).toEqual([
      `"f_min_price" ASC NULLS LAST`,
      "score DESC",
      `"id" ASC`,
    ])
    expect(compileOrder(plan, undefined, true, "i").sql).toEqual(["score DESC", `"id" ASC`])
    expect(compileOrder(plan, {}, false, "i").sql).toEqual([`"id" ASC`, `"id" ASC`])
    expect(() => compileOrder(plan, { title: "ASC" }, false, "ocop_product")).toThrow(
      /Cannot sort search index "ocop_product" by "title"/
    )
  })

  const base = (over: Partial<SearchStatementInput>): SearchStatementInput => {
    const text = parseTextQuery("nước mắm")
    const { always, keyed } = splitFilters({ stars: 5, group_slug: "thuc-pham" }, plan, new Set(["stars"]))
    return {
      plan,
      match: compileTextMatch(text, new Map()),
      materialized: true,
      always,
      keyed,
      order: compileOrder(plan, { min_price: "ASC" }, true, "i"),
      facets: [{ field: "stars" }, { field: "min_price", type: "range", ranges: [{ from: 1000 }] }] as FacetRequest[],
      facetSql: "per-facet",
      counted: true,
      take: 20,
      skip: 40,
      ...over,
    }
  }
  it("binds params in the order their parts appear: score, flags, match, filters, page, facets", () => {
    const s = searchStatement(base({}))!
    expect(s.params).toEqual(["nuoc & mam", " nươc1 ", " măm1 ", 5, "nuoc & mam", "thuc-pham", 20, 40, 1000])
    expect(s.sql.match(/\?/g)).toHaveLength(s.params.length)
    expect(s.sql).toContain("m AS MATERIALIZED")
    expect(s.sql).toContain(`(SELECT count(*) FROM m WHERE k0)::int AS total`)
  })
  it("selects the one-pass cells instead, or nothing to count when the cube answered", () => {
    expect(searchStatement(base({ facetSql: "one-pass", facets: [{ field: "stars" }] }))!.sql).toContain("AS agg")
    const pageOnly = searchStatement(base({ facetSql: "none", materialized: false }))!
    expect(pageOnly.sql).not.toMatch(/AS (agg|total|f0)/)
    expect(pageOnly.sql).toContain("m AS NOT MATERIALIZED")
  })
  it("is no statement at all when there is no page and nothing left to count", () => {
    expect(searchStatement(base({ facetSql: "none", take: 0 }))).toBeUndefined()
    expect(searchStatement(base({ facetSql: "per-facet", facets: [], counted: false, take: 0 }))).toBeUndefined()
  })
})
