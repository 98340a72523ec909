/**
 * The shop front's curated parts through GET /store/ocop/showcase (one call per page): featured
 * lists in force, campaigns with their dates, the newest (5★) products and a province's producers,
 * in the page's language (Medusa's Translation Module, asked through x-medusa-locale).
 */
import { FetchError } from "@medusajs/js-sdk";
import { z } from "zod";
import type { Lang } from "../i18n";
import { contentLocale } from "../lang-path";
import { getSdk } from "./client.server";
import { starsSchema } from "./ocop-facts.server";
import { groupRefSchema, provinceRefSchema } from "./reference-data.server";
import type { CardFacts, ProductSummary } from "./views";

const cardSchema = z.object({
  id: z.string(),
  title: z.string(),
  handle: z.string(),
  thumbnail: z.string().nullish(),
  price: z.number().nullish(),
  ocop: z
    .object({
      stars: starsSchema.nullish(),
      province: provinceRefSchema.nullish(),
      group: groupRefSchema.nullish(),
      producer: z.object({ handle: z.string(), name: z.string() }).nullish(),
    })
    .nullish(),
});
type Card = z.infer<typeof cardSchema>;

const listSchema = z.object({
  id: z.string(),
  title_vi: z.string(),
  title_en: z.string().nullish(),
  placement: z.string(),
  province_code: z.string().nullish(),
  starts_at: z.string().nullish(),
  ends_at: z.string().nullish(),
  products: z.array(cardSchema),
});

const showcaseSchema = z.object({
  featured_lists: z.array(listSchema).default([]),
  campaigns: z.array(listSchema).default([]),
  five_star: z.array(cardSchema).default([]),
  newest: z.array(cardSchema).default([]),
  producers: z
    .array(z.object({ handle: z.string(), name: z.string(), entity_type: z.string(), ward: z.string().nullish() }))
    .default([]),
});

/** A curated list as a page shows it: title in the page's language, cards ready for ProductGrid. */
export type ShowcaseList = {
  id: string;
  title: string;
  starts_at: string | null;
  ends_at: string | null;
  products: ProductSummary[];
  facts: Record<string, CardFacts>;
};

export type Showcase = {
  featured: ShowcaseList[];
  campaigns: ShowcaseList[];
  fiveStar: { products: ProductSummary[]; facts: Record<string, CardFacts> };
  newest: { products: ProductSummary[]; facts: Record<string, CardFacts> };
  producers: { handle: string; name: string; entity_type: string; ward: string | null }[];
};

export const EMPTY_SHOWCASE: Showcase = {
  featured: [],
  campaigns: [],
  fiveStar: { products: [], facts: {} },
  newest: { products: [], facts: {} },
  producers: [],
};

function cards(list: Card[]) {
  return {
    products: list.map(
      (c): ProductSummary => ({
        id: c.id,
        handle: c.handle,
        title: c.title,
        thumbnail: c.thumbnail || null,
        price: typeof c.price === "number" ? { amount: c.price, varies: false } : null,
      })
    ),
    facts: Object.fromEntries(list.map((c) => [c.id, (c.ocop ?? {}) as CardFacts])),
  };
}

/**
 * The showcase of the home page (no filter), a province or a product group. Never throws for a
 * backend failure: the page then shows its search results alone.
 */
export async function getShowcase(filter: { province?: string; group?: string }, lang: Lang): Promise<Showcase> {
  const params = new URLSearchParams();
  if (filter.province) params.set("province", filter.province);
  if (filter.group) params.set("group", filter.group);
  const client = getSdk().client; // a configuration error is not optional
  let body: unknown;
  try {
    body = await client.fetch<unknown>(`/store/ocop/showcase?${params}`, {
      method: "GET",
      headers: contentLocale(lang) ? { "x-medusa-locale": contentLocale(lang) as string } : {},
    });
  } catch (error) {
    if (!(error instanceof FetchError && error.status === 404)) {
      console.warn(`[storefront] /store/ocop/showcase failed: ${error instanceof Error ? error.message : error}`);
    }
    return EMPTY_SHOWCASE;
  }
  const parsed = showcaseSchema.safeParse(body);
  if (!parsed.success) {
    console.warn(`[storefront] unexpected answer from /store/ocop/showcase: ${parsed.error.message}`);
    return EMPTY_SHOWCASE;
  }
  const toList = (l: z.infer<typeof listSchema>): ShowcaseList => ({
    id: l.id,
    title: lang === "en" && l.title_en ? l.title_en : l.title_vi,
    starts_at: l.starts_at ?? null,
    ends_at: l.ends_at ?? null,
    ...cards(l.products),
  });
  const b = parsed.data;
  return {
    featured: b.featured_lists.filter((l) => l.products.length).map(toList),
    campaigns: b.campaigns.filter((l) => l.products.length).map(toList),
    fiveStar: cards(b.five_star),
    newest: cards(b.newest),
    producers: b.producers.map((p) => ({ ...p, ward: p.ward ?? null })),
  };
}
