/**
 * Facet requests and results, shared by the three ways a search counts its facets: the facet
 * cube (./facet-cube), one GROUP BY pass over the match set, or one subquery per facet
 * (./facet-sql). Each fills the same row: "total" and "f<i>" for the i-th facet request.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { TablePlan } from "./plan"
import { fromJson } from "./sql"

export type FacetRequest = SearchTypes.SearchFacetRequest
export type ValueFacetRequest = Exclude<FacetRequest, { type: "range" } | { type: "stats" }>
/** A facet request and its position, which names its result ("f<i>"). */
export type Numbered<F extends FacetRequest = FacetRequest> = { f: F; i: number }
/** What a search statement (or the cube) returns: hits, total and f<i> per facet request. */
export type FacetRow = Record<string, unknown>
export type ValueCount = { value: string; count: number }
export type StatsCount = { min: number | null; max: number | null; avg: number | null; count: number }

export const DEFAULT_VALUE_FACET_LIMIT = 100

export const isValueFacet = (f: FacetRequest): f is ValueFacetRequest => !f.type || f.type === "value"

/** The facet requests in object form, each on a column of the index (else a 400). */
export function facetRequests(facets: SearchTypes.SearchOptions["facets"], plan: TablePlan, indexName: string) {
  const requests = (facets ?? []).map((f): FacetRequest => (typeof f === "string" ? { field: f, type: "value" } : f))
  for (const f of requests) {
    if (!plan.columns.has(f.field)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Field "${f.field}" is not facetable on search index "${indexName}"`
      )
    }
  }
  return requests
}

/** The value facet requests, numbered, with their count limits. */
export function valueFacets(facets: FacetRequest[]): (Numbered<ValueFacetRequest> & { limit: number })[] {
  return facets.flatMap((f, i) => (isValueFacet(f) ? [{ f, i, limit: valueFacetLimit(f) }] : []))
}

export function statsFacets(facets: FacetRequest[]): Numbered[] {
  return facets.flatMap((f, i) => (f.type === "stats" ? [{ f, i }] : []))
}

export function valueFacetLimit(f: ValueFacetRequest): number {
  return f.limit ?? DEFAULT_VALUE_FACET_LIMIT
}

/** Min, max, average and count of a stats facet from its running min/max/sum/count (nulls when empty). */
export function statsCount(min: number | null, max: number | null, sum: number, count: number): StatsCount {
  return { min: count ? min : null, max: count ? max : null, avg: count ? sum / count : null, count }
}

/** Value counts, largest first, ties by value (code-unit order, as Postgres' C collation). */
export function sortedCounts(counts: Map<string, number>, limit: number): ValueCount[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, Number(limit))
    .map(([value, count]) => ({ value, count }))
}

/** The Search Module's facet results from a filled row. */
export function facetResults(facets: FacetRequest[], row: FacetRow): Record<string, SearchTypes.SearchFacetResult> {
  const out: Record<string, SearchTypes.SearchFacetResult> = {}
  facets.forEach((f, i) => {
    const value = fromJson<any>(row[`f${i}`])
    if (isValueFacet(f)) out[f.field] = { type: "value", values: value ?? [] }
    else if (f.type === "stats") {
      out[f.field] = {
        type: "stats",
        min: value?.min == null ? 0 : Number(value.min),
        max: value?.max == null ? 0 : Number(value.max),
        avg: value?.avg == null ? undefined : Number(value.avg),
        count: Number(value?.count ?? 0),
      }
    } else if (f.type === "range") {
      out[f.field] = {
        type: "range",
        ranges: f.ranges.map((r, ri) => ({
          key: r.key ?? String(ri),
          from: r.from,
          to: r.to,
          count: Number(value?.[String(ri)] ?? 0),
        })),
      }
    }
  })
  return out
}
