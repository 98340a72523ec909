/**
 * The facet cube: counts of a whole index grouped by its value-facet fields (plus, when a search
 * filters on them, its numeric/boolean filter fields such as price and stock), with min/max/sum/
 * count of its stats-facet fields, held column-wise in memory. It answers the total and every
 * (disjunctive) facet of a search without free text whose filters only touch those fields,
 * exactly, in one JS pass over the cells: the browse/filter page no longer scans the match set
 * (filter-only p95 236 → 11–24 ms at 100k, plugins/search/README.md). Rebuilt when the table's
 * write version moved since it was built (one GROUP BY over an index-only scan).
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { sortedCounts, statsCount, statsFacets, valueFacets, type FacetRequest, type FacetRow } from "./facets"
import type { PlannedColumn, TablePlan } from "./plan"
import { fromJson, type Executor } from "./sql"

export type Cube = {
  /** Number of cells (distinct combinations of the dimensions). */
  size: number
  /** Rows per cell. */
  n: Float64Array
  /** Per dimension: the cell's value as text, and as a number for numeric columns. */
  dims: { text: (string | null)[]; num?: Float64Array }[]
  /** Per stats column: min, max, sum and count of non-null values in each cell. */
  stats: { mn: Float64Array; mx: Float64Array; sm: Float64Array; ct: Float64Array }[]
}
/** A filter as a JS test on a cube cell: its text value, and its number for numeric columns. */
export type CellTest = (text: string | null | undefined, num: number) => boolean
/** What the cube must hold to answer one search, and the search's filters as cell tests. */
export type CubeShape = { dims: PlannedColumn[]; stats: PlannedColumn[]; tests: { field: string; test: CellTest }[] }
type FieldDefinitions = Record<string, SearchTypes.SearchFieldDefinition>

const isNumeric = (c: PlannedColumn | undefined) => !!c && (c.kind === "bigint" || c.kind === "double precision")

function facetTypes(def: SearchTypes.SearchFieldDefinition | undefined): string[] {
  const facetable = def?.facetable
  return facetable && typeof facetable === "object" && Array.isArray(facetable.types) ? facetable.types : ["value"]
}

/**
 * The cube that answers this search, or undefined when only SQL can: a filter the cube cannot
 * test exactly (dates, $and/$or, …) or a facet that is not one of its columns.
 */
export function cubeShape(
  plan: TablePlan,
  fields: FieldDefinitions,
  filters: Record<string, unknown> | undefined,
  facets: FacetRequest[]
): CubeShape | undefined {
  const given = Object.entries(filters ?? {}).filter(([k, v]) => k !== "q" && v !== undefined)
  const filtered = new Set(given.map(([k]) => k))
  const columns = [...plan.columns.values()].filter((c) => !c.array)
  // value-facet fields always; numeric/boolean filter fields (price, stock) only when this search filters on them
  const dims = columns.filter(
    (c) =>
      c.kind !== "timestamptz" &&
      ((c.kind !== "double precision" && fields[c.field]?.facetable && facetTypes(fields[c.field]).includes("value")) ||
        (filtered.has(c.field) && fields[c.field]?.filterable && (isNumeric(c) || c.kind === "boolean")))
  )
  const stats = columns.filter((c) => fields[c.field]?.facetable && facetTypes(fields[c.field]).includes("stats"))
  const dimFields = new Set(dims.map((d) => d.field))
  const tests: CubeShape["tests"] = []
  for (const [field, value] of given) {
    const test = dimFields.has(field) ? cellTest(value, isNumeric(plan.columns.get(field))) : undefined
    if (!test) return undefined
    tests.push({ field, test })
  }
  if (!valueFacets(facets).every(({ f }) => dimFields.has(f.field))) return undefined
  if (!statsFacets(facets).every(({ f }) => stats.some((s) => s.field === f.field))) return undefined
  if (!dims.length) return undefined
  return { dims, stats, tests }
}

/** One row, one json object of column arrays: d<i> per dimension, n, and mn/mx/sm/ct<i> per stats column. */
export function cubeSql(plan: TablePlan, dims: PlannedColumn[], stats: PlannedColumn[]): string {
  const cols = dims.map((d, i) => `"${d.column}"::text AS d${i}`)
  const meas = stats.flatMap((c, i) => [
    `min("${c.column}")::float8 AS mn${i}`,
    `max("${c.column}")::float8 AS mx${i}`,
    `sum("${c.column}")::float8 AS sm${i}`,
    `count("${c.column}")::int AS ct${i}`,
  ])
  const names = [
    ...dims.map((_, i) => `d${i}`),
    "n",
    ...stats.flatMap((_, i) => [`mn${i}`, `mx${i}`, `sm${i}`, `ct${i}`]),
  ]
  const groupBy = dims.map((_, i) => i + 1).join(", ")
  return `SELECT json_build_object(${names
    .map((c) => `'${c}', coalesce(json_agg(${c}), '[]'::json)`)
    .join(", ")}) AS cube
         FROM (SELECT ${[...cols, "count(*)::int AS n", ...meas].join(", ")} FROM "${
           plan.table
         }" GROUP BY ${groupBy}) a`
}

/** The cube held column-wise, from the json object of cubeSql. */
export function cubeFromJson(raw: Record<string, any[]>, dims: PlannedColumn[], stats: PlannedColumn[]): Cube {
  const nanIfNull = (v: number | null) => (v === null ? NaN : v)
  return {
    size: (raw.n ?? []).length,
    n: Float64Array.from(raw.n ?? []),
    dims: dims.map((d, i) => {
      const text: (string | null)[] = raw[`d${i}`] ?? []
      return { text, num: isNumeric(d) ? Float64Array.from(text, (v) => (v === null ? NaN : Number(v))) : undefined }
    }),
    stats: stats.map((_, i) => ({
      mn: Float64Array.from(raw[`mn${i}`] ?? [], nanIfNull),
      mx: Float64Array.from(raw[`mx${i}`] ?? [], nanIfNull),
      sm: Float64Array.from(raw[`sm${i}`] ?? [], (v: number | null) => (v === null ? 0 : v)),
      ct: Float64Array.from(raw[`ct${i}`] ?? []),
    })),
  }
}

/**
 * Total and facet counts from the cube. A cell counts for the total when every filter holds, and
 * for facet F when every filter except F's own disjunctive one holds: one pass, a bit per failed
 * disjunctive filter. `disjunctive` lists the filtered fields whose facet ignores its own filter.
 */
export function countCube(cube: Cube, shape: CubeShape, facets: FacetRequest[], disjunctive: string[]): FacetRow {
  const dimIndex = new Map(shape.dims.map((d, i) => [d.field, i]))
  const statIndex = new Map(shape.stats.map((d, i) => [d.field, i]))
  const bitOf = new Map(disjunctive.map((field, b) => [field, 1 << b]))
  const tests = shape.tests.map((t) => ({
    d: cube.dims[dimIndex.get(t.field)!],
    test: t.test,
    bit: bitOf.get(t.field) ?? 0,
  }))
  const vf = valueFacets(facets).map(({ f, i, limit }) => ({
    i,
    limit,
    text: cube.dims[dimIndex.get(f.field)!].text,
    bit: bitOf.get(f.field) ?? 0,
    counts: new Map<string, number>(),
  }))
  const sf = statsFacets(facets).map(({ f, i }) => ({
    i,
    s: cube.stats[statIndex.get(f.field)!],
    bit: bitOf.get(f.field) ?? 0,
    mn: Infinity,
    mx: -Infinity,
    sm: 0,
    ct: 0,
  }))
  let total = 0
  cells: for (let c = 0; c < cube.size; c++) {
    let mask = 0
    for (const t of tests) {
      if (t.test(t.d.text[c], t.d.num ? t.d.num[c] : NaN)) continue
      if (!t.bit) continue cells
      if (mask) continue cells // two disjunctive filters fail: counts nowhere
      mask = t.bit
    }
    const n = cube.n[c]
    if (!mask) total += n
    for (const f of vf) {
      if (mask && mask !== f.bit) continue
      const v = f.text[c]
      if (v !== null && v !== undefined) f.counts.set(v, (f.counts.get(v) ?? 0) + n)
    }
    for (const f of sf) {
      if ((mask && mask !== f.bit) || !f.s.ct[c]) continue
      if (f.s.mn[c] < f.mn) f.mn = f.s.mn[c]
      if (f.s.mx[c] > f.mx) f.mx = f.s.mx[c]
      f.sm += f.s.sm[c]
      f.ct += f.s.ct[c]
    }
  }
  const row: FacetRow = { total }
  for (const f of vf) row[`f${f.i}`] = sortedCounts(f.counts, f.limit)
  for (const f of sf) row[`f${f.i}`] = statsCount(f.mn, f.mx, f.sm, f.ct)
  return row
}

/** Cubes per table and column set, each tagged with the write version it was built at. */
export class FacetCubes {
  private cubes = new Map<string, { version: string; cube: Cube }>()

  constructor(private readonly manager: Executor) {}

  /** The cube of these columns, rebuilt when the table was written since; undefined without a version sequence. */
  async get(plan: TablePlan, dims: PlannedColumn[], stats: PlannedColumn[]): Promise<Cube | undefined> {
    const [ver] = await this.manager
      .execute(`SELECT last_value::text || ':' || is_called::text AS v FROM "${plan.table}_ver"`)
      .catch(() => [])
    if (!ver) return undefined
    const key = plan.table + "|" + dims.map((d) => d.column).join(",") + "|" + stats.map((d) => d.column).join(",")
    const cached = this.cubes.get(key)
    if (cached && cached.version === ver.v) return cached.cube
    const [row] = await this.manager.execute(cubeSql(plan, dims, stats))
    const cube = cubeFromJson(fromJson<Record<string, any[]> | null>(row?.cube) ?? {}, dims, stats)
    for (const [k, v] of this.cubes) if (k.startsWith(plan.table + "|") && v.version !== ver.v) this.cubes.delete(k)
    this.cubes.set(key, { version: ver.v, cube })
    return cube
  }
}

/**
 * A filter value as a cell test, or undefined when only SQL can say. Mirrors the SQL of ./sql.ts:
 * NULL never satisfies a comparison.
 */
export function cellTest(value: unknown, numeric = false): CellTest | undefined {
  if (value === null) return (t) => t === null || t === undefined
  if (value instanceof Date) return undefined
  const num = (v: unknown) => (typeof v === "number" ? v : Number(v))
  const eq = (operand: unknown): CellTest | undefined => {
    if (operand === null) return (t) => t === null || t === undefined
    if (operand instanceof Date || (typeof operand === "object" && operand !== null)) return undefined
    if (numeric) {
      const x = num(operand)
      if (!Number.isFinite(x)) return undefined
      return (t, n) => n === x
    }
    const s = String(operand)
    return (t) => t === s
  }
  const member = (list: unknown[]): CellTest | undefined => {
    if (numeric) {
      const xs = list.map(num)
      if (!xs.every(Number.isFinite)) return undefined
      const set = new Set(xs)
      return (t, n) => t !== null && t !== undefined && set.has(n)
    }
    const set = new Set(list.map(String))
    return (t) => t !== null && t !== undefined && set.has(t)
  }
  if (Array.isArray(value)) return member(value)
  if (typeof value !== "object") return eq(value)
  const tests: CellTest[] = []
  for (const [op, operand] of Object.entries(value as Record<string, unknown>)) {
    if (op === "$eq") {
      const p = Array.isArray(operand) ? member(operand) : eq(operand)
      if (!p) return undefined
      tests.push(p)
    } else if (op === "$in" || op === "$nin") {
      const p = member(Array.isArray(operand) ? operand : [operand])
      if (!p) return undefined
      tests.push(op === "$in" ? p : (t, n) => t !== null && t !== undefined && !p(t, n))
    } else if (op === "$ne") {
      if (operand === null) tests.push((t) => t !== null && t !== undefined)
      else {
        const p = eq(operand)
        if (!p) return undefined
        tests.push((t, n) => t !== null && t !== undefined && !p(t, n))
      }
    } else if (numeric && (op === "$gt" || op === "$gte" || op === "$lt" || op === "$lte")) {
      const x = num(operand)
      if (!Number.isFinite(x)) return undefined
      const cmp: Record<string, CellTest> = {
        $gt: (_t, n) => n > x,
        $gte: (_t, n) => n >= x,
        $lt: (_t, n) => n < x,
        $lte: (_t, n) => n <= x,
      }
      tests.push(cmp[op])
    } else return undefined
  }
  return (t, n) => tests.every((p) => p(t, n))
}
