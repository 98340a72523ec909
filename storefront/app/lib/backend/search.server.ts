/**
 * Catalogue search through GET /store/ocop/search (hits with their OCOP facts,
 * facets, typo corrections) and type-ahead through /store/ocop/search/suggest.
 */
import { FetchError } from "@medusajs/js-sdk";
import { z } from "zod";
import { getSdk, optional } from "./client.server";
import { searchProductsCore } from "./products.server";
import { type facetValueSchema, searchBodySchema, searchHitSchema, type SearchHit } from "./search-schema";
import type { CardFacts, FacetCount, ProductSummary, SearchResult } from "./views";

export type SearchOutcome =
  | { ok: true; result: SearchResult }
  /** 400: the backend named the parameter it refused. */
  | { ok: false; reason: "bad_param"; param: string; message: string }
  /** the search route is missing or failing */
  | { ok: false; reason: "unavailable" };

const SEARCH_PARAMS = [
  "q",
  "province",
  "group",
  "subgroup",
  "stars",
  "min_price",
  "max_price",
  "producer_type",
  "sort",
  "page",
  "limit",
  "locale",
];

function hitToProduct(h: SearchHit): ProductSummary {
  const amount = typeof h.price === "number" ? h.price : (h.price?.amount ?? null);
  return {
    id: h.id,
    handle: h.handle,
    title: h.title,
    thumbnail: h.thumbnail || null,
    price: amount === null ? null : { amount, varies: false },
  };
}

function hitToFacts(h: SearchHit): CardFacts {
  return {
    stars: h.stars ?? null,
    province: h.province ?? null,
    // the hit's group name is already in the requested locale
    group: h.group ? { slug: h.group.slug, name_vi: h.group.name, name_en: h.group.name } : null,
    producer: h.producer ? { handle: h.producer.handle, name: h.producer.name } : null,
  };
}

/**
 * GET /store/ocop/search with the given query parameters (see app/lib/search-state.ts
 * `toApiParams`). Never throws for a search failure: the page decides what to show.
 */
export async function searchCatalogue(params: URLSearchParams): Promise<SearchOutcome> {
  const client = getSdk().client; // a configuration error is not optional
  const path = `/store/ocop/search?${params.toString()}`;
  let body: unknown;
  try {
    body = await client.fetch<unknown>(path, { method: "GET" });
  } catch (error) {
    if (error instanceof FetchError && error.status === 400) {
      const message = error.message || "";
      const param = SEARCH_PARAMS.find((p) => message.startsWith(p)) ?? "query";
      return { ok: false, reason: "bad_param", param, message };
    }
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[storefront] search route failed: ${reason}`);
    return { ok: false, reason: "unavailable" };
  }
  const parsed = searchBodySchema.safeParse(body);
  if (!parsed.success) {
    console.warn(`[storefront] unexpected answer from /store/ocop/search: ${parsed.error.message}`);
    return { ok: false, reason: "unavailable" };
  }
  const b = parsed.data;
  const hits: SearchHit[] = [];
  for (const row of b.hits) {
    const hit = searchHitSchema.safeParse(row);
    if (hit.success) hits.push(hit.data);
  }
  const label = (f: z.infer<typeof facetValueSchema>): FacetCount => ({
    value: f.value,
    label: f.label || f.value,
    count: f.count,
  });
  const province = b.query?.province;
  return {
    ok: true,
    result: {
      products: hits.map(hitToProduct),
      facts: Object.fromEntries(hits.map((h) => [h.id, hitToFacts(h)])),
      total: b.total,
      facets: {
        province: (b.facets?.province ?? []).map(label),
        group: (b.facets?.group ?? []).map(label),
        subgroup: (b.facets?.subgroup ?? []).map(label),
        stars: b.facets?.stars ?? [],
        producer_type: (b.facets?.producer_type ?? []).map((f) => ({ value: f.value, count: f.count })),
        price: b.facets?.price ?? null,
      },
      province: province
        ? { slug: province.slug, name_vi: province.name_vi, former_name_vi: province.former_name_vi ?? null }
        : null,
      // took_ms is left out: it would make every render differ (and so every ETag, server/cache.mjs).
      corrected: b.corrected_terms ?? {},
    },
  };
}

/**
 * Plain-text search kept for callers that only need products: OCOP search
 * when the backend has it, otherwise Medusa's plain `q` filter.
 */
export async function searchProducts(
  q: string,
  { limit, offset }: { limit: number; offset: number }
): Promise<{ products: ProductSummary[]; count: number }> {
  const page = Math.floor(offset / limit) + 1;
  const outcome = await searchCatalogue(new URLSearchParams({ q, limit: String(limit), page: String(page) }));
  if (outcome.ok) return { products: outcome.result.products, count: outcome.result.total };
  return searchProductsCore(q, { limit, offset });
}

export type Suggestion = { handle: string; title: string; highlight: string };

/** Type-ahead titles from GET /store/ocop/search/suggest (at most 8; empty when unavailable). */
export async function suggestProducts(q: string): Promise<Suggestion[]> {
  const query = q.normalize("NFC").trim().slice(0, 100);
  if (!query) return [];
  const body = await optional(
    `/store/ocop/search/suggest?q=${encodeURIComponent(query)}`,
    z.object({
      suggestions: z.array(z.object({ handle: z.string(), title: z.string(), highlight: z.string().nullish() })),
    })
  );
  return (body?.suggestions ?? [])
    .slice(0, 8)
    .map((s) => ({ handle: s.handle, title: s.title, highlight: s.highlight || s.title }));
}
