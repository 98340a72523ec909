/**
 * Hit assembly: the page's stored documents cut to the attributes asked for, with the score when
 * asked and the matched words highlighted in their accented form (typo corrections included).
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { highlight } from "../../lib/text"
import type { TablePlan } from "./plan"
import { facetResults, type FacetRequest, type FacetRow } from "./facets"
import { fromJson } from "./sql"
import { variantTerms, type TextQuery, type TypoAlternatives } from "./text-match"

/** One element of the statement's "hits" json: the stored document and the score. */
export type HitRow = { id: string; document: unknown; score: number | null }
export type HitOptions = {
  attributes?: string[]
  includeScore?: boolean
  highlight?: SearchTypes.SearchOptions["highlight"]
}

export function assembleHits(
  rows: HitRow[],
  plan: TablePlan,
  text: TextQuery,
  typos: TypoAlternatives,
  options: HitOptions
): SearchTypes.SearchHit[] {
  const hl = options.highlight
  const hlFields = hl === true ? plan.searchable.map((s) => s.field) : hl && typeof hl === "object" ? hl.fields : []
  const { terms, last } = text
  // the last word of a type-ahead query is highlighted as a prefix, not as a whole word
  const hlTerms = [...(last ? terms.slice(0, -1) : terms), ...[...typos.values()].flat(), ...variantTerms(text)]
  return rows.map((r) => {
    const document = fromJson<Record<string, unknown>>(r.document)
    const projected: Record<string, unknown> = {}
    for (const key of options.attributes?.length ? options.attributes : Object.keys(document)) {
      if (key in document) projected[key] = document[key]
    }
    projected.id ??= r.id
    const hit: SearchTypes.SearchHit = { id: r.id, document: projected }
    if (options.includeScore) hit.score = Number(r.score ?? 0)
    if (text.q && hlFields.length) {
      const highlights: Record<string, string[]> = {}
      for (const field of hlFields) {
        const value = document[field]
        if (typeof value === "string" && value) {
          highlights[field] = [
            highlight(value, hlTerms, {
              pre: typeof hl === "object" ? hl.pre_tag : undefined,
              post: typeof hl === "object" ? hl.post_tag : undefined,
              prefixes: last ? [terms[terms.length - 1]] : [],
            }),
          ]
        }
      }
      hit.highlights = highlights
    }
    return hit
  })
}

/**
 * The provider's answer, whichever engine found it: the page's hits, the facets asked for (from the
 * row of counts), and the metadata (total only when counted; the typos corrected).
 */
export function searchAnswer(
  rows: HitRow[],
  counts: FacetRow,
  input: SearchTypes.ProviderSearchQuery,
  s: {
    plan: TablePlan
    text: TextQuery
    typos: TypoAlternatives
    facets: FacetRequest[]
    counted: boolean
    take: number
    skip: number
    processingMs: number
  }
): SearchTypes.SearchResult {
  const hits = assembleHits(rows, s.plan, s.text, s.typos, {
    attributes: input.attributes_to_retrieve,
    includeScore: input.search_options?.include_score,
    highlight: input.search_options?.highlight,
  })
  return {
    hits,
    facets: s.facets.length ? facetResults(s.facets, counts) : undefined,
    metadata: {
      skip: s.skip,
      take: s.take,
      count: s.counted ? Number(counts.total ?? 0) : null,
      query: input.q,
      processing_time_ms: s.processingMs,
      ...(s.typos.size ? { corrected_terms: Object.fromEntries(s.typos) } : {}),
    } as SearchTypes.SearchResultMetadata,
  }
}
