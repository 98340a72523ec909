/**
 * The answer of GET /store/ocop/search as the storefront reads it. Pure zod and nothing else, so the
 * end-to-end suite (tests/e2e/search-queries.spec.ts) parses the real backend's answers with this very
 * schema: a shape drift between plugins/search (lib/ocop-search.ts `shapeResponse`) and the storefront
 * fails a test instead of showing shoppers "search unavailable".
 */
import { z } from "zod";

const starsSchema = z.number().int().min(1).max(5);

/** A province as search names it: a former province's name says which unit it merged into. */
export const searchedProvinceSchema = z.object({
  slug: z.string(),
  name_vi: z.string(),
  former_name_vi: z.string().nullish(),
});

export const searchHitSchema = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  thumbnail: z.string().nullish(),
  price: z.union([z.number(), z.object({ amount: z.number() })]).nullish(),
  stars: starsSchema.nullish(),
  province: searchedProvinceSchema.nullish(),
  group: z
    .object({
      slug: z.string(),
      name: z.string(),
      subgroup: z.object({ slug: z.string(), name: z.string() }).nullish(),
    })
    .nullish(),
  producer: z.object({ handle: z.string(), name: z.string(), entity_type: z.string().nullish() }).nullish(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const facetValueSchema = z.object({
  value: z.string(),
  label: z.string().nullish(),
  count: z.number(),
  selected: z.boolean().nullish(),
});

/**
 * Typo corrections: each folded query word the backend did not find → its close words, best
 * first ({"mamm": ["mam", "mami"]}). A single string is read as a one-word list, so an older
 * provider that sends one word still renders.
 */
export const correctedTermsSchema = z.record(
  z.string(),
  z.union([z.array(z.string()), z.string().transform((s) => [s])])
);

export const searchBodySchema = z.object({
  hits: z.array(z.unknown()),
  total: z.number(),
  facets: z
    .object({
      province: z.array(facetValueSchema).default([]),
      group: z.array(facetValueSchema).default([]),
      subgroup: z.array(facetValueSchema).default([]),
      stars: z.array(z.object({ value: z.number(), count: z.number() })).default([]),
      producer_type: z.array(facetValueSchema.omit({ label: true })).default([]),
      price: z.object({ min: z.number(), max: z.number() }).nullish(),
    })
    .partial()
    .nullish(),
  query: z.object({ province: searchedProvinceSchema.nullish() }).passthrough().nullish(),
  corrected_terms: correctedTermsSchema.nullish(),
  took_ms: z.number().nullish(),
});
export type SearchBody = z.infer<typeof searchBodySchema>;
