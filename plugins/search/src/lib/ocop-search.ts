/**
 * The OCOP search service: turns validated parameters into one Search Module query on the
 * `ocop_product` index and shapes the answer of GET /store/ocop/search. Route handlers stay
 * thin; this is where the search contract lives.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { getProvinceByCode, listProvinces } from "@ocop-marketplace/ocop/lib/provinces"
import { findProductGroup, findSubgroup } from "@ocop-marketplace/ocop/lib/product-groups"
import { OCOP_PRODUCT_INDEX } from "./document"
import type { SearchParams } from "./params"
import { foldedTerms } from "./text"
import { OCOP_POSTGRES_PROVIDER } from "../providers/ocop-postgres/service"

export type SearchModule = { search(query: SearchTypes.SearchQuery): Promise<SearchTypes.SearchResult> }

export const FACET_FIELDS = ["province_slug", "group_slug", "subgroup_slug", "stars", "producer_type"] as const

const RETRIEVE = [
  "id",
  "handle",
  "title",
  "title_en",
  "thumbnail",
  "stars",
  "min_price",
  "in_stock",
  "province_slug",
  "province_name",
  "origin_former_slug",
  "origin_former_name",
  "group_slug",
  "group_name",
  "subgroup_slug",
  "subgroup_name",
  "producer_handle",
  "producer_name",
  "producer_type",
  "created_at",
]

export function buildFilters(p: SearchParams): Record<string, unknown> {
  const f: Record<string, unknown> = {}
  if (p.province) f.province_slug = p.province.province.slug
  if (p.group) f.group_slug = p.group
  if (p.subgroup) f.subgroup_slug = p.subgroup
  if (p.stars.length) f.stars = p.stars.length === 1 ? p.stars[0] : { $in: p.stars }
  if (p.producer_type.length)
    f.producer_type = p.producer_type.length === 1 ? p.producer_type[0] : { $in: p.producer_type }
  if (p.min_price !== undefined || p.max_price !== undefined) {
    f.min_price = {
      ...(p.min_price !== undefined ? { $gte: p.min_price } : {}),
      ...(p.max_price !== undefined ? { $lte: p.max_price } : {}),
    }
  }
  if (p.in_stock !== undefined) f.in_stock = p.in_stock
  return f
}

export function buildOrder(p: SearchParams): Record<string, "ASC" | "DESC"> {
  switch (p.sort) {
    case "stars":
      return p.q ? { stars: "DESC", _score: "DESC" } : { stars: "DESC", created_at: "DESC" }
    case "price_asc":
      return { min_price: "ASC" }
    case "price_desc":
      return { min_price: "DESC" }
    case "newest":
      return { created_at: "DESC" }
    default:
      return p.q ? { _score: "DESC", stars: "DESC" } : { stars: "DESC", created_at: "DESC" }
  }
}

export function buildSearchQuery(p: SearchParams): SearchTypes.SearchQuery {
  const filters = buildFilters(p)
  return {
    entity: OCOP_PRODUCT_INDEX,
    fields: RETRIEVE,
    filters: { ...(p.q ? { q: p.q } : {}), ...filters },
    pagination: { skip: (p.page - 1) * p.limit, take: p.limit, order: buildOrder(p) },
    search_options: {
      facets: [
        ...FACET_FIELDS.map((field) => ({ field, type: "value" as const, limit: 100 })),
        { field: "min_price", type: "stats" as const },
      ],
      // our Postgres provider computes disjunctive facets in one statement; other
      // providers get the module's own expansion (one query per active facet filter)
      disjunctive_facets: false,
      provider_options: { [OCOP_POSTGRES_PROVIDER]: { disjunctive: true } },
      typo_tolerance: true,
      highlight: p.q ? { fields: ["title"], pre_tag: "<mark>", post_tag: "</mark>" } : undefined,
      count: "exact",
    },
  }
}

const provinceLabel = (slug: string) => listProvinces().find((x) => x.slug === slug)

export type SearchResponse = ReturnType<typeof shapeResponse>

export function shapeResponse(p: SearchParams, result: SearchTypes.SearchResult, tookMs: number) {
  const via = p.province?.via_former
  const en = p.locale === "en"
  const hits = result.hits.map((h) => {
    const d = h.document as Record<string, any>
    const formerName = via?.name_vi ?? d.origin_former_name ?? undefined
    return {
      id: h.id,
      handle: d.handle,
      title: en && d.title_en ? d.title_en : d.title,
      title_vi: d.title,
      thumbnail: d.thumbnail ?? null,
      price: d.min_price == null ? null : { amount: Number(d.min_price), currency_code: "vnd" },
      stars: d.stars,
      in_stock: d.in_stock,
      province: {
        slug: d.province_slug,
        name_vi: d.province_name,
        ...(formerName ? { former_name_vi: formerName } : {}),
      },
      group: {
        slug: d.group_slug,
        name: (en ? findProductGroup(d.group_slug)?.name_en : undefined) ?? d.group_name,
        subgroup: d.subgroup_slug
          ? {
              slug: d.subgroup_slug,
              name: (en ? findSubgroup(d.subgroup_slug)?.subgroup.name_en : undefined) ?? d.subgroup_name,
            }
          : null,
      },
      producer: { handle: d.producer_handle, name: d.producer_name, entity_type: d.producer_type },
      highlight: h.highlights?.title?.[0] ? { title: h.highlights.title[0] } : undefined,
    }
  })
  const values = (field: string) => {
    const f = result.facets?.[field]
    return f && f.type === "value" ? f.values : []
  }
  const stats = result.facets?.min_price
  const facets = {
    province: values("province_slug").map((v) => {
      const prov = provinceLabel(v.value)
      return {
        value: v.value,
        label: prov?.name_vi ?? v.value,
        count: v.count,
        selected: p.province?.province.slug === v.value,
      }
    }),
    group: values("group_slug").map((v) => {
      const g = findProductGroup(v.value)
      return {
        value: v.value,
        label: (en ? g?.name_en : g?.name_vi) ?? v.value,
        count: v.count,
        selected: p.group === v.value,
      }
    }),
    subgroup: values("subgroup_slug").map((v) => {
      const s = findSubgroup(v.value)?.subgroup
      return {
        value: v.value,
        label: (en ? s?.name_en : s?.name_vi) ?? v.value,
        count: v.count,
        selected: p.subgroup === v.value,
      }
    }),
    stars: [5, 4, 3].map((s) => ({
      value: s,
      count: values("stars").find((v) => Number(v.value) === s)?.count ?? 0,
      selected: p.stars.includes(s),
    })),
    producer_type: values("producer_type").map((v) => ({
      value: v.value,
      count: v.count,
      selected: p.producer_type.includes(v.value),
    })),
    price: stats && stats.type === "stats" && result.metadata.count ? { min: stats.min, max: stats.max } : null,
  }
  return {
    hits,
    facets,
    total: result.metadata.count ?? 0,
    page: p.page,
    limit: p.limit,
    took_ms: tookMs,
    query: {
      q: p.q,
      province: p.province
        ? {
            slug: p.province.province.slug,
            name_vi: p.province.province.name_vi,
            ...(via ? { former_name_vi: via.name_vi } : {}),
          }
        : undefined,
    },
    corrected_terms: (result.metadata as any).corrected_terms,
  }
}

/**
 * A former province given as the province filter, with no words and the relevance sort, orders the
 * page by that province's name: every product of the merged unit carries it (former_province_names)
 * and those whose producer lies in it carry it more strongly (origin_former_name), so
 * "province=binh-thuan" lists the former Bình Thuận's products first. Only the page's order comes
 * from that query; total and facets stay those of the filter alone.
 */
export function formerProvinceRankingQuery(p: SearchParams): SearchTypes.SearchQuery | undefined {
  const former = p.province?.via_former
  if (p.q || !former || p.sort !== "relevance") return undefined
  const q = former.name_vi
  return {
    entity: OCOP_PRODUCT_INDEX,
    fields: RETRIEVE,
    filters: { q, ...buildFilters(p) },
    pagination: { skip: (p.page - 1) * p.limit, take: p.limit, order: buildOrder({ ...p, q }) },
    search_options: { typo_tolerance: false, count: "none" },
  }
}

export async function searchOcopProducts(search: SearchModule, p: SearchParams) {
  const started = performance.now()
  const rankingQuery = formerProvinceRankingQuery(p)
  const [result, ranked] = await Promise.all([
    search.search(buildSearchQuery(p)),
    rankingQuery ? search.search(rankingQuery) : undefined,
  ])
  // its matches are the filter's (a subset only if a document lacked the former names): use its
  // page when it is as full as the filter's
  const answer = ranked && ranked.hits.length === result.hits.length ? { ...result, hits: ranked.hits } : result
  return shapeResponse(p, answer, Math.round((performance.now() - started) * 10) / 10)
}

export async function suggestOcopProducts(search: SearchModule, q: string, limit = 8) {
  // no word in it ("☃", "..", "%"): nothing to complete, not the whole catalogue by stars
  if (!foldedTerms(q).length)
    return { suggestions: [] as { id: string; handle: string; title: string; highlight: string }[] }
  const result = await search.search({
    entity: OCOP_PRODUCT_INDEX,
    fields: ["id", "handle", "title"],
    filters: { q },
    pagination: { skip: 0, take: limit, order: { _score: "DESC", stars: "DESC" } },
    search_options: {
      match_strategy: "last",
      count: "none",
      highlight: { fields: ["title"] },
      // the products whose name holds every word first, then by stars: our Postgres provider's
      // type-ahead order (Meilisearch ranks the title first by its own attribute rule)
      provider_options: { [OCOP_POSTGRES_PROVIDER]: { rank: "name" } },
    },
  })
  const seen = new Set<string>()
  const suggestions: { id: string; handle: string; title: string; highlight: string }[] = []
  for (const h of result.hits) {
    const d = h.document as Record<string, any>
    if (seen.has(d.title)) continue
    seen.add(d.title)
    suggestions.push({ id: h.id, handle: d.handle, title: d.title, highlight: h.highlights?.title?.[0] ?? d.title })
  }
  return { suggestions: suggestions.slice(0, 8) }
}

export { getProvinceByCode }
