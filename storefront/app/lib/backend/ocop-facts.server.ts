/**
 * OCOP facts from our /store/ocop routes: listing facts for product cards, a
 * product's certification, a producer's public page, certificate verification.
 * Every route here is optional (see `optional` in client.server.ts).
 */
import { z } from "zod";
import type { Lang } from "../i18n";
import { optional } from "./client.server";
import { listProductsByIds } from "./products.server";
import { groupRefSchema, provinceRefSchema } from "./reference-data.server";
import type { ProductSummary } from "./views";

export const starsSchema = z.number().int().min(1).max(5);
const producerRef = z.object({
  id: z.string(),
  handle: z.string(),
  name: z.string(),
  entity_type: z.string(),
});

const listingSchema = z.object({
  product_id: z.string(),
  stars: starsSchema.nullish(),
  province: provinceRefSchema.nullish(),
  group: groupRefSchema.nullish(),
  producer: producerRef.nullish(),
});
export type Listing = z.infer<typeof listingSchema>;

const certificationSchema = z.object({
  id: z.string(),
  stars: starsSchema,
  score: z.number().nullish(),
  certificate_number: z.string().nullish(),
  decision_number: z.string().nullish(),
  decision_date: z.string().nullish(),
  issuing_authority: z.string().nullish(),
  legal_basis: z.string().nullish(),
  valid_from: z.string().nullish(),
  expires_at: z.string().nullish(),
  status: z.string(),
  group_slug: z.string().nullish(),
  subgroup_slug: z.string().nullish(),
  traceability_code: z.string().nullish(),
  province: provinceRefSchema.nullish(),
  group: groupRefSchema.nullish(),
});
export type Certification = z.infer<typeof certificationSchema>;

const producerSchema = producerRef.extend({
  province_code: z.string().nullish(),
  story: z.string().nullish(),
  province: provinceRefSchema.nullish(),
});
export type Producer = z.infer<typeof producerSchema>;

const productOfProducerSchema = z.object({ id: z.string() }).passthrough();

const verifyResultSchema = z.object({
  result: z.enum(["valid", "expired", "revoked", "suspended", "unknown"]),
  certification: certificationSchema.partial().extend({ scan_url: z.string().nullish() }).passthrough().nullish(),
  producer: z.object({ name: z.string(), handle: z.string() }).passthrough().nullish(),
  /** `handle` only while the product is listed (its page exists). */
  product: z
    .object({ id: z.string(), title: z.string(), title_en: z.string().nullish(), handle: z.string().nullish() })
    .nullish(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

/** Listing facts (stars, province, group, producer) keyed by product id; empty when unavailable. */
export async function getListings(productIds: string[]): Promise<Record<string, Listing>> {
  if (productIds.length === 0) return {};
  const query = productIds.map((id) => `product_id=${encodeURIComponent(id)}`).join("&");
  const body = await optional(`/store/ocop/listings?${query}`, z.object({ listings: z.array(z.unknown()) }));
  const out: Record<string, Listing> = {};
  for (const row of body?.listings ?? []) {
    const parsed = listingSchema.safeParse(row);
    if (parsed.success) out[parsed.data.product_id] = parsed.data;
  }
  return out;
}

export async function getCertification(
  productId: string
): Promise<{ certification: Certification; producer: Producer | null } | null> {
  return optional(
    `/store/ocop/products/${encodeURIComponent(productId)}/certification`,
    z.object({ certification: certificationSchema, producer: producerSchema.nullish() })
  ).then((r) => (r ? { certification: r.certification, producer: r.producer ?? null } : null));
}

/**
 * A producer's public profile and its listed products with their listing facts. The OCOP route gives
 * the producer and the product ids; the products themselves (with VND prices) come from the core
 * store route, so they obey the same sales-channel gate, and the facts at the same time (both need
 * only the ids: one round trip less at 100k products).
 */
export async function getProducer(
  handle: string,
  lang?: Lang
): Promise<{ producer: Producer; products: ProductSummary[]; listings: Record<string, Listing> } | null> {
  const result = await optional(
    `/store/ocop/producers/${encodeURIComponent(handle)}`,
    z.object({ producer: producerSchema, products: z.array(productOfProducerSchema).default([]) })
  );
  if (!result) return null;
  const ids = result.products.map((p) => p.id).slice(0, 100);
  const [products, listings] = await Promise.all([listProductsByIds(ids, lang), getListings(ids)]);
  return { producer: result.producer, products, listings };
}

/** null when the verify route is unavailable (the page then says so). */
export async function verifyCode(code: string): Promise<VerifyResult | null> {
  return optional(`/store/ocop/verify?code=${encodeURIComponent(code)}`, verifyResultSchema);
}
