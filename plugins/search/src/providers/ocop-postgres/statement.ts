/**
 * The one SQL statement of a search: the match set "m" (rows matching the text and the always-on
 * filters, with their score, the columns the page sorts by and the facets group by, and one flag
 * per disjunctive filter), the page of hits in order with their stored documents, and the total
 * and facet counts unless the facet cube answered them. Params are collected per part and
 * concatenated in the order the parts appear in the SQL.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { onePassSelect, perFacetSelects, type KeyedFilter } from "./facet-sql"
import type { FacetRequest } from "./facets"
import type { TablePlan } from "./plan"
import { compileFilterEntries, type Sql } from "./sql"
import type { TextMatch } from "./text-match"

/** How the statement counts: not at all (the cube did), one GROUP BY pass, or one subquery per facet. */
export type FacetSql = "none" | "one-pass" | "per-facet"
export type SearchOrder = { sql: string[]; columns: Set<string> }
export type SearchStatementInput = {
  plan: TablePlan
  match: TextMatch
  /**
   * Materialise "m" (text searches); without text it is cheap to recompute, and inlining lets the
   * page read the (stars, created_at) covering index in order.
   */
  materialized: boolean
  always: Sql[]
  keyed: KeyedFilter[]
  order: SearchOrder
  facets: FacetRequest[]
  facetSql: FacetSql
  counted: boolean
  take: number
  skip: number
}

/**
 * Always-on filters restrict "m"; a filter on the field of a disjunctive facet becomes a flag
 * column instead, so that facet can count without it.
 */
export function splitFilters(filters: Record<string, unknown> | undefined, plan: TablePlan, disjunctive: Set<string>) {
  const always: Sql[] = []
  const keyed: KeyedFilter[] = []
  for (const e of compileFilterEntries(filters ?? {}, plan)) {
    if (e.field && disjunctive.has(e.field)) keyed.push({ field: e.field, where: e.where, alias: `k${keyed.length}` })
    else always.push(e.where)
  }
  return { always, keyed }
}

/** ORDER BY of the page: the requested fields (and _score), then id; by default score (text) or id. */
export function compileOrder(
  plan: TablePlan,
  order: Record<string, SearchTypes.SearchOrderBy> | undefined,
  hasText: boolean,
  indexName: string
): SearchOrder {
  const entries = Object.entries(order ?? {})
  const columns = new Set<string>()
  const sql: string[] = []
  for (const [field, dir] of entries) {
    const d = dir === "ASC" ? "ASC" : "DESC"
    if (field === "_score") {
      sql.push(`score ${d}`)
      continue
    }
    const col = plan.columns.get(field)
    if (!col || col.array) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Cannot sort search index "${indexName}" by "${field}"`)
    }
    columns.add(col.column)
    sql.push(`"${col.column}" ${d} NULLS LAST`)
  }
  if (!entries.length) sql.push(hasText ? "score DESC" : `"id" ASC`)
  sql.push(`"id" ASC`)
  return { sql, columns }
}

/** The statement, or undefined when it would select nothing (no page, and nothing left to count). */
export function searchStatement(s: SearchStatementInput): Sql | undefined {
  const { plan, match, keyed, always } = s
  const facetColumns = s.facets.map((f) => plan.columns.get(f.field)!.column)
  const selectCols = [...new Set([...s.order.columns, ...facetColumns])].map((c) => `"${c}"`)
  const keyedSelect = keyed.map((k) => `(${k.where.sql}) AS ${k.alias}`)
  const whereParts = [match.matchSql, ...always.map((a) => `(${a.sql})`)]
  const allKeyed = keyed.length ? keyed.map((k) => k.alias).join(" AND ") : "TRUE"
  const mCols = ['"id"', `${match.scoreSql} AS score`, ...selectCols, ...keyedSelect].join(", ")
  const ctes = [
    `m AS ${s.materialized ? "MATERIALIZED" : "NOT MATERIALIZED"} (SELECT ${mCols}
        FROM "${plan.table}" WHERE ${whereParts.join(" AND ")})`,
  ]
  const params = [
    ...match.scoreParams,
    ...keyed.flatMap((k) => k.where.params),
    ...match.matchParams,
    ...always.flatMap((a) => a.params),
  ]
  const selects: string[] = []
  if (s.take > 0) {
    const ordered = `SELECT "id", score FROM m WHERE ${allKeyed} ORDER BY ${s.order.sql.join(", ")} LIMIT ? OFFSET ?`
    ctes.push(`page AS (SELECT "id", score, row_number() OVER () AS rn FROM (${ordered}) s)`)
    params.push(s.take, s.skip)
    const hit = `json_build_object('id', t."id", 'document', t."document", 'score', page.score)`
    selects.push(
      `(SELECT json_agg(${hit} ORDER BY page.rn) FROM page JOIN "${plan.table}_doc" t ON t."id" = page."id") AS hits`
    )
  }
  if (s.facetSql === "one-pass") selects.push(onePassSelect(plan, s.facets, keyed))
  else if (s.facetSql === "per-facet") {
    if (s.counted) selects.push(`(SELECT count(*) FROM m WHERE ${allKeyed})::int AS total`)
    const perFacet = perFacetSelects(plan, s.facets, keyed)
    selects.push(...perFacet.selects)
    params.push(...perFacet.params)
  }
  if (!selects.length) return undefined
  return { sql: `WITH ${ctes.join(",\n")} SELECT ${selects.join(",\n")}`, params }
}
