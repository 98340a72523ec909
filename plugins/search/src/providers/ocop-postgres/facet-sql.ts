/**
 * Facet counts in SQL, over the match set "m" of ./statement. Two ways:
 * - one pass (value and stats facets on scalar columns): the match set grouped by every facet
 *   value and every disjunctive filter flag — a few thousand rows at most — folded in JS, where
 *   a facet counts the rows in which every *other* disjunctive filter holds;
 * - one subquery per facet (range facets, array columns): each leaves out its own filter.
 */
import {
  sortedCounts,
  statsCount,
  statsFacets,
  valueFacetLimit,
  valueFacets,
  type FacetRequest,
  type FacetRow,
} from "./facets"
import type { TablePlan } from "./plan"
import type { Sql } from "./sql"

/** A filter on a facet's own field, left out of that facet's counts; `alias` is its flag column in "m". */
export type KeyedFilter = { field: string; where: Sql; alias: string }
/** One row of the one-pass grouping: g<i>/s<i> per facet, the filter flags, n and the stats measures. */
export type FacetCell = Record<string, unknown>

const column = (plan: TablePlan, field: string) => `"${plan.columns.get(field)!.column}"`

/** The one-pass select: an "agg" json column with one element per cell. */
export function onePassSelect(plan: TablePlan, facets: FacetRequest[], keyed: KeyedFilter[]): string {
  const aliases = keyed.map((k) => k.alias)
  const inner = [
    ...valueFacets(facets).map(({ f, i }) => `${column(plan, f.field)}::text AS g${i}`),
    ...statsFacets(facets).map(({ f, i }) => `${column(plan, f.field)}::double precision AS s${i}`),
    ...aliases.map((k) => `coalesce(${k}, false) AS ${k}`),
  ]
  const groupBy = [...valueFacets(facets).map(({ i }) => `g${i}`), ...aliases]
  const measures = [
    `count(*)::int AS n`,
    ...statsFacets(facets).flatMap(({ i }) => [
      `min(s${i}) AS mn${i}`,
      `max(s${i}) AS mx${i}`,
      `sum(s${i}) AS sm${i}`,
      `count(s${i})::int AS ct${i}`,
    ]),
  ]
  const grouped = groupBy.length ? ` GROUP BY ${groupBy.join(", ")}` : ""
  return `(SELECT coalesce(json_agg(a), '[]'::json) FROM (SELECT ${[...groupBy, ...measures].join(
    ", "
  )} FROM (SELECT ${inner.join(", ")} FROM m) z${grouped}) a) AS agg`
}

/** Total (unless not counted) and facet counts from the one-pass cells. */
export function foldOnePass(
  cells: FacetCell[],
  facets: FacetRequest[],
  keyed: KeyedFilter[],
  counted: boolean
): FacetRow {
  const holds = (r: FacetCell, except?: string) => keyed.every((k) => k.field === except || r[k.alias] === true)
  const row: FacetRow = {}
  if (counted) row.total = cells.filter((r) => holds(r)).reduce((n, r) => n + Number(r.n), 0)
  for (const { f, i, limit } of valueFacets(facets)) {
    const counts = new Map<string, number>()
    for (const r of cells) {
      const v = r[`g${i}`] as string | null | undefined
      if (v === null || v === undefined || !holds(r, f.field)) continue
      counts.set(v, (counts.get(v) ?? 0) + Number(r.n))
    }
    row[`f${i}`] = sortedCounts(counts, limit)
  }
  for (const { f, i } of statsFacets(facets)) {
    let mn: number | null = null
    let mx: number | null = null
    let sm = 0
    let ct = 0
    for (const r of cells) {
      if (!holds(r, f.field) || !Number(r[`ct${i}`])) continue
      const a = Number(r[`mn${i}`])
      const b = Number(r[`mx${i}`])
      mn = mn === null || a < mn ? a : mn
      mx = mx === null || b > mx ? b : mx
      sm += Number(r[`sm${i}`])
      ct += Number(r[`ct${i}`])
    }
    row[`f${i}`] = statsCount(mn, mx, sm, ct)
  }
  return row
}

/** One subquery per facet (f<i>), each with every disjunctive filter but its own; range bounds are bound params. */
export function perFacetSelects(plan: TablePlan, facets: FacetRequest[], keyed: KeyedFilter[]) {
  const params: unknown[] = []
  const bind = (v: unknown) => {
    params.push(v)
    return "?"
  }
  const selects = facets.flatMap((f, i) => {
    const col = plan.columns.get(f.field)!
    const others = keyed.filter((k) => k.field !== f.field).map((k) => k.alias)
    const where = others.length ? others.join(" AND ") : "TRUE"
    const c = `"${col.column}"`
    if (!f.type || f.type === "value") {
      const src = col.array ? `FROM m, unnest(${c}) AS v WHERE ${where}` : `FROM m WHERE ${where} AND ${c} IS NOT NULL`
      const val = col.array ? "v" : c
      const limit = Number(valueFacetLimit(f))
      const counts = `SELECT ${val}::text AS v, count(*)::int AS n ${src} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`
      const json = `json_agg(json_build_object('value', x.v, 'count', x.n) ORDER BY x.n DESC, x.v)`
      return [`(SELECT coalesce(${json}, '[]'::json) FROM (${counts}) x) AS f${i}`]
    }
    if (f.type === "stats") {
      const json = `json_build_object('min', min(${c}), 'max', max(${c}), 'avg', avg(${c}), 'count', count(${c}))`
      return [`(SELECT ${json} FROM m WHERE ${where}) AS f${i}`]
    }
    if (f.type === "range") {
      const parts = f.ranges.map((r, ri) => {
        const conds = [where]
        if (r.from !== undefined) conds.push(`${c} >= ${bind(r.from)}`)
        if (r.to !== undefined) conds.push(`${c} < ${bind(r.to)}`)
        return `'${ri}', count(*) FILTER (WHERE ${conds.join(" AND ")})`
      })
      return [`(SELECT json_build_object(${parts.join(", ")}) FROM m) AS f${i}`]
    }
    return []
  })
  return { selects, params }
}
