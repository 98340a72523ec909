import { describe, expect, it } from "vitest"
import { OCOP_FIELDS, ocopPlan } from "../../__tests__/ocop-plan"
import { cellTest, countCube, cubeFromJson, cubeShape, type CubeShape } from "./facet-cube"
import type { FacetRequest, ValueCount } from "./facets"

const FACETS: FacetRequest[] = [
  { field: "province_slug" },
  { field: "stars", type: "value" },
  { field: "min_price", type: "stats" },
]

describe("cube shape: which searches the cube can answer", () => {
  const plan = ocopPlan()
  const dims = (shape: CubeShape | undefined) => shape?.dims.map((d) => d.field)

  it("value-facet fields are always dimensions; price and stock only when filtered", () => {
    expect(dims(cubeShape(plan, OCOP_FIELDS, undefined, FACETS))).toEqual([
      "producer_type",
      "province_slug",
      "group_slug",
      "subgroup_slug",
      "stars",
    ])
    const filtered = cubeShape(plan, OCOP_FIELDS, { min_price: { $gte: 1 }, in_stock: true }, FACETS)
    expect(dims(filtered)).toEqual(expect.arrayContaining(["min_price", "in_stock"]))
    expect(filtered?.stats.map((s) => s.field)).toEqual(["min_price"])
  })
  it("refuses filters it cannot test exactly, and facets outside its columns", () => {
    expect(cubeShape(plan, OCOP_FIELDS, { created_at: { $gte: "2025-01-01" } }, FACETS)).toBeUndefined()
    expect(cubeShape(plan, OCOP_FIELDS, { $or: [{ stars: 5 }] }, FACETS)).toBeUndefined()
    expect(cubeShape(plan, OCOP_FIELDS, { province_code: "91" }, FACETS)).toBeUndefined()
    expect(cubeShape(plan, OCOP_FIELDS, { stars: { $exists: true } }, FACETS)).toBeUndefined()
    expect(cubeShape(plan, OCOP_FIELDS, undefined, [{ field: "province_code" }])).toBeUndefined()
  })
})

describe("cell tests mirror the SQL filters", () => {
  const text = (value: unknown, cell: string | null) => cellTest(value)!(cell, NaN)
  const num = (value: unknown, cell: number | null) =>
    cellTest(value, true)!(cell === null ? null : String(cell), cell ?? NaN)

  it("equality, lists and NULL", () => {
    expect(text("an-giang", "an-giang")).toBe(true)
    expect(text("an-giang", "ha-noi")).toBe(false)
    expect(text(["a", "b"], "b")).toBe(true)
    expect(text(null, null)).toBe(true)
    expect(text(null, "a")).toBe(false)
    expect(num({ $eq: 5 }, 5)).toBe(true)
    expect(num([4, 5], 3)).toBe(false)
  })
  it("NULL never satisfies $ne, $nin or a comparison (as in SQL)", () => {
    expect(text({ $ne: "a" }, null)).toBe(false)
    expect(text({ $nin: ["a"] }, null)).toBe(false)
    expect(num({ $gt: 0 }, null)).toBe(false)
    expect(text({ $ne: null }, null)).toBe(false)
    expect(text({ $ne: null }, "a")).toBe(true)
  })
  it("ranges combine (AND) on numeric cells", () => {
    const inRange = { $gte: 100000, $lt: 200000 }
    expect([99999, 100000, 199999, 200000].map((p) => num(inRange, p))).toEqual([false, true, true, false])
  })
  it("is undefined (only SQL can say) for dates, nested objects, unknown operators and non-numbers", () => {
    expect(cellTest(new Date())).toBeUndefined()
    expect(cellTest({ $eq: { a: 1 } })).toBeUndefined()
    expect(cellTest({ $exists: true })).toBeUndefined()
    expect(cellTest({ $gt: "abc" }, true)).toBeUndefined()
    expect(cellTest({ $gt: 5 })).toBeUndefined() // a range on a text column
  })
})

describe("counting the cube", () => {
  // four cells: (province, stars) with their row counts and prices
  const raw = {
    d0: ["an-giang", "an-giang", "ha-noi", null],
    d1: ["5", "4", "5", "3"],
    n: [2, 3, 4, 1],
    mn0: [100, 50, 300, null],
    mx0: [200, 80, 400, null],
    sm0: [300, 190, 1400, null],
    ct0: [2, 3, 4, 0],
  }
  const plan = ocopPlan()
  const province = plan.columns.get("province_slug")!
  const stars = plan.columns.get("stars")!
  const price = plan.columns.get("min_price")!
  const cube = cubeFromJson(raw, [province, stars], [price])
  const shape = (filters: Record<string, unknown>): CubeShape => ({
    dims: [province, stars],
    stats: [price],
    tests: Object.entries(filters).map(([field, v]) => ({ field, test: cellTest(v, field === "stars")! })),
  })
  const facets: FacetRequest[] = [{ field: "province_slug" }, { field: "stars" }, { field: "min_price", type: "stats" }]
  const counts = (values: unknown) => (values as ValueCount[]).map((v) => `${v.value} ${v.count}`)

  it("holds the cells column-wise, numbers parsed for numeric dimensions, NULL stats as NaN", () => {
    expect(cube.size).toBe(4)
    expect([...cube.dims[1].num!]).toEqual([5, 4, 5, 3])
    expect(cube.dims[0].num).toBeUndefined()
    expect(Number.isNaN(cube.stats[0].mn[3])).toBe(true)
  })
  it("without filters: total, value counts (NULL values left out) and price stats over every cell", () => {
    expect(countCube(cube, shape({}), facets, [])).toEqual({
      total: 10,
      f0: [
        { value: "an-giang", count: 5 },
        { value: "ha-noi", count: 4 },
      ],
      f1: [
        { value: "5", count: 6 },
        { value: "4", count: 3 },
        { value: "3", count: 1 },
      ],
      f2: { min: 50, max: 400, avg: 1890 / 9, count: 9 },
    })
  })
  it("a disjunctive filter narrows the total and the other facets, not its own facet", () => {
    const row = countCube(cube, shape({ stars: 5 }), facets, ["stars"])
    expect(row.total).toBe(6)
    expect(counts(row.f0)).toEqual(["ha-noi 4", "an-giang 2"])
    expect(counts(row.f1)).toEqual(["5 6", "4 3", "3 1"])
  })
  it("a cell failing two disjunctive filters counts nowhere; a non-disjunctive filter narrows everything", () => {
    const both = countCube(cube, shape({ stars: 5, province_slug: "an-giang" }), facets, ["stars", "province_slug"])
    expect(both.total).toBe(2)
    expect(counts(both.f1)).toEqual(["4 3", "5 2"])
    expect(counts(both.f0)).toEqual(["ha-noi 4", "an-giang 2"])
    const plain = countCube(cube, shape({ stars: 5 }), facets, [])
    expect(counts(plain.f1)).toEqual(["5 6"])
    expect(plain.f2).toEqual({ min: 100, max: 400, avg: 1700 / 6, count: 6 })
  })
  it("empty stats when no cell qualifies", () => {
    expect(countCube(cube, shape({ stars: 3 }), facets, []).f2).toEqual({ min: null, max: null, avg: null, count: 0 })
  })
})
