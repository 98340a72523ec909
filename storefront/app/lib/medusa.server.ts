/**
 * The storefront's one backend client. Loaders and actions call these
 * functions; nothing else talks to Medusa.
 *
 * - Core store routes go through @medusajs/js-sdk.
 * - Our OCOP routes (/store/ocop/...) go through `sdk.client.fetch` and are
 *   validated with zod. They are treated as optional: if one is missing or
 *   fails, the function returns null/empty and the page still shows the core
 *   product data.
 */
import Medusa, { FetchError } from "@medusajs/js-sdk";
import { data } from "@remix-run/node";
import { z } from "zod";

// ---------------------------------------------------------------- config

export type StoreErrorCode = "missing_publishable_key" | "backend_unavailable";
export type StoreErrorData = { code: StoreErrorCode };

export function isStoreErrorData(value: unknown): value is StoreErrorData {
  return (
    typeof value === "object" &&
    value !== null &&
    ((value as StoreErrorData).code === "missing_publishable_key" ||
      (value as StoreErrorData).code === "backend_unavailable")
  );
}

function storeError(code: StoreErrorCode, status: number) {
  return data<StoreErrorData>({ code }, { status });
}

let sdk: Medusa | undefined;

function getSdk(): Medusa {
  if (sdk) return sdk;
  const publishableKey = process.env.MEDUSA_PUBLISHABLE_KEY?.trim();
  if (!publishableKey) {
    console.error("[storefront] MEDUSA_PUBLISHABLE_KEY is not set; the store cannot call the backend.");
    throw storeError("missing_publishable_key", 503);
  }
  sdk = new Medusa({
    baseUrl: process.env.MEDUSA_BACKEND_URL?.trim() || "http://localhost:9000",
    publishableKey,
    // Server-side only: never keep a customer token in module memory.
    auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
  });
  return sdk;
}

/** Core calls: a network failure becomes a 503 page, other errors pass through. */
async function core<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof FetchError) {
      console.error(`[storefront] backend answered ${error.status}: ${error.message}`);
      throw storeError("backend_unavailable", 503);
    }
    if (error instanceof TypeError) {
      console.error(`[storefront] backend unreachable: ${error.message}`);
      throw storeError("backend_unavailable", 503);
    }
    throw error;
  }
}

/** Optional OCOP calls: 404 means "nothing there"; any other failure is logged and ignored. */
async function optional<S extends z.ZodTypeAny>(
  path: string,
  schema: S,
): Promise<z.infer<S> | null> {
  const client = getSdk().client; // a configuration error is not optional
  let body: unknown;
  try {
    body = await client.fetch<unknown>(path, { method: "GET" });
  } catch (error) {
    if (error instanceof FetchError && error.status === 404) return null;
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[storefront] optional backend route ${path.split("?")[0]} failed: ${reason}`);
    return null;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.warn(`[storefront] unexpected answer from ${path.split("?")[0]}: ${parsed.error.message}`);
    return null;
  }
  return parsed.data;
}

// ---------------------------------------------------------------- region

type Region = { id: string; currency_code: string };
let vndRegion: Region | undefined;

/** The region priced in VND, cached for the life of the process once found. */
export async function getVndRegion(): Promise<Region | null> {
  if (vndRegion) return vndRegion;
  const { regions } = await core(() =>
    getSdk().store.region.list({ fields: "id,currency_code", limit: 100 }),
  );
  const found = regions.find((r) => r.currency_code?.toLowerCase() === "vnd");
  if (!found) {
    // Not cached: the region may be created by the seed while we run.
    console.warn("[storefront] no region with currency VND; prices are hidden.");
    return null;
  }
  vndRegion = { id: found.id, currency_code: found.currency_code };
  return vndRegion;
}

// ---------------------------------------------------------------- products

export type PriceView = { amount: number; varies: boolean };

export type ProductSummary = {
  id: string;
  handle: string;
  title: string;
  thumbnail: string | null;
  price: PriceView | null;
};

export type StockState = "in_stock" | "low" | "out_of_stock" | "backorder" | "unknown";

export type VariantView = {
  id: string;
  title: string;
  amount: number | null;
  stock: StockState;
  quantity: number | null;
};

export type ProductDetail = {
  id: string;
  handle: string;
  title: string;
  subtitle: string | null;
  description: string | null;
  thumbnail: string | null;
  images: { id: string; url: string }[];
  variants: VariantView[];
};

type RawVariant = {
  id: string;
  title?: string | null;
  calculated_price?: { calculated_amount?: number | null } | null;
  manage_inventory?: boolean | null;
  allow_backorder?: boolean | null;
  inventory_quantity?: number | null;
};

type RawProduct = {
  id: string;
  handle?: string | null;
  title?: string | null;
  subtitle?: string | null;
  description?: string | null;
  thumbnail?: string | null;
  images?: { id: string; url: string }[] | null;
  variants?: RawVariant[] | null;
};

const LOW_STOCK = 5;

function amountOf(variant: RawVariant): number | null {
  const amount = variant.calculated_price?.calculated_amount;
  return typeof amount === "number" && Number.isFinite(amount) ? amount : null;
}

function stockOf(variant: RawVariant): { stock: StockState; quantity: number | null } {
  if (variant.manage_inventory === false) return { stock: "in_stock", quantity: null };
  const quantity = typeof variant.inventory_quantity === "number" ? variant.inventory_quantity : null;
  if (quantity === null) return { stock: "unknown", quantity };
  if (quantity > 0) return { stock: quantity <= LOW_STOCK ? "low" : "in_stock", quantity };
  return { stock: variant.allow_backorder ? "backorder" : "out_of_stock", quantity };
}

/** Lowest variant price; `varies` when variants differ. */
export function priceOf(variants: RawVariant[] | null | undefined): PriceView | null {
  const amounts = (variants ?? []).map(amountOf).filter((a): a is number => a !== null);
  if (amounts.length === 0) return null;
  const min = Math.min(...amounts);
  return { amount: min, varies: amounts.some((a) => a !== min) };
}

function toSummary(p: RawProduct): ProductSummary {
  return {
    id: p.id,
    handle: p.handle ?? p.id,
    title: p.title ?? "",
    thumbnail: p.thumbnail || null,
    price: priceOf(p.variants),
  };
}

function priceFields(region: Region | null, extra: string): string {
  // calculated_price needs a pricing context (region); without one, leave it out.
  return [region ? "*variants.calculated_price" : "", extra].filter(Boolean).join(",");
}

export async function listProducts({
  limit,
  offset,
}: {
  limit: number;
  offset: number;
}): Promise<{ products: ProductSummary[]; count: number }> {
  const region = await getVndRegion();
  const result = await core(() =>
    getSdk().store.product.list({
      limit,
      offset,
      ...(region ? { region_id: region.id } : {}),
      fields: priceFields(region, "+thumbnail"),
      order: "-created_at",
    }),
  );
  return {
    products: (result.products as RawProduct[]).map(toSummary),
    count: result.count ?? result.products.length,
  };
}

/** Plain text search over the core store route (fallback for /store/ocop/search). */
export async function searchProductsCore(
  q: string,
  { limit, offset }: { limit: number; offset: number },
): Promise<{ products: ProductSummary[]; count: number }> {
  const region = await getVndRegion();
  const result = await core(() =>
    getSdk().store.product.list({
      q,
      limit,
      offset,
      ...(region ? { region_id: region.id } : {}),
      fields: priceFields(region, "+thumbnail"),
    }),
  );
  return {
    products: (result.products as RawProduct[]).map(toSummary),
    count: result.count ?? result.products.length,
  };
}

export async function getProductByHandle(handle: string): Promise<ProductDetail | null> {
  const region = await getVndRegion();
  const result = await core(() =>
    getSdk().store.product.list({
      handle,
      limit: 1,
      ...(region ? { region_id: region.id } : {}),
      fields: priceFields(
        region,
        "+thumbnail,*images,+variants.inventory_quantity,+variants.manage_inventory,+variants.allow_backorder",
      ),
    }),
  );
  const p = result.products[0] as RawProduct | undefined;
  if (!p) return null;
  return {
    id: p.id,
    handle: p.handle ?? handle,
    title: p.title ?? "",
    subtitle: p.subtitle || null,
    description: p.description || null,
    thumbnail: p.thumbnail || null,
    images: (p.images ?? []).filter((i) => Boolean(i?.url)),
    variants: (p.variants ?? []).map((v) => ({
      id: v.id,
      title: v.title ?? "",
      amount: amountOf(v),
      ...stockOf(v),
    })),
  };
}

// ---------------------------------------------------------------- OCOP routes

const stars = z.number().int().min(1).max(5);
const provinceRef = z.object({ slug: z.string(), name_vi: z.string() });
const producerRef = z.object({
  id: z.string(),
  handle: z.string(),
  name: z.string(),
  entity_type: z.string(),
});

const listingSchema = z.object({
  product_id: z.string(),
  stars: stars.nullish(),
  province: provinceRef.nullish(),
  group: z.object({ slug: z.string(), name_vi: z.string(), name_en: z.string() }).nullish(),
  producer: producerRef.nullish(),
});
export type Listing = z.infer<typeof listingSchema>;

const certificationSchema = z.object({
  id: z.string(),
  stars,
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
  province: provinceRef.nullish(),
  group: z.object({ slug: z.string(), name_vi: z.string(), name_en: z.string() }).nullish(),
});
export type Certification = z.infer<typeof certificationSchema>;

const producerSchema = producerRef.extend({
  province_code: z.string().nullish(),
  story: z.string().nullish(),
  province: provinceRef.nullish(),
});
export type Producer = z.infer<typeof producerSchema>;

const productOfProducerSchema = z.object({ id: z.string() }).passthrough();

const verifyResultSchema = z.object({
  result: z.enum(["valid", "expired", "revoked", "suspended", "unknown"]),
  certification: certificationSchema.partial().passthrough().nullish(),
  producer: z.object({ name: z.string(), handle: z.string() }).passthrough().nullish(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

/** Listing facts (stars, province, group, producer) keyed by product id; empty when unavailable. */
export async function getListings(productIds: string[]): Promise<Record<string, Listing>> {
  if (productIds.length === 0) return {};
  const query = productIds.map((id) => `product_id=${encodeURIComponent(id)}`).join("&");
  const body = await optional(
    `/store/ocop/listings?${query}`,
    z.object({ listings: z.array(z.unknown()) }),
  );
  const out: Record<string, Listing> = {};
  for (const row of body?.listings ?? []) {
    const parsed = listingSchema.safeParse(row);
    if (parsed.success) out[parsed.data.product_id] = parsed.data;
  }
  return out;
}

export async function getCertification(
  productId: string,
): Promise<{ certification: Certification; producer: Producer | null } | null> {
  return optional(
    `/store/ocop/products/${encodeURIComponent(productId)}/certification`,
    z.object({ certification: certificationSchema, producer: producerSchema.nullish() }),
  ).then((r) => (r ? { certification: r.certification, producer: r.producer ?? null } : null));
}

/**
 * A producer's public profile and its listed products. The OCOP route gives
 * the producer and the product ids; the products themselves (with VND prices)
 * come from the core store route, so they obey the same sales-channel gate.
 */
export async function getProducer(
  handle: string,
): Promise<{ producer: Producer; products: ProductSummary[] } | null> {
  const result = await optional(
    `/store/ocop/producers/${encodeURIComponent(handle)}`,
    z.object({ producer: producerSchema, products: z.array(productOfProducerSchema).default([]) }),
  );
  if (!result) return null;
  const ids = result.products.map((p) => p.id).slice(0, 100);
  return { producer: result.producer, products: await listProductsByIds(ids) };
}

export async function listProductsByIds(ids: string[]): Promise<ProductSummary[]> {
  if (ids.length === 0) return [];
  const region = await getVndRegion();
  const result = await core(() =>
    getSdk().store.product.list({
      id: ids,
      limit: ids.length,
      ...(region ? { region_id: region.id } : {}),
      fields: priceFields(region, "+thumbnail"),
    }),
  );
  return (result.products as RawProduct[]).map(toSummary);
}

/** null when the verify route is unavailable (the page then says so). */
export async function verifyCode(code: string): Promise<VerifyResult | null> {
  return optional(`/store/ocop/verify?code=${encodeURIComponent(code)}`, verifyResultSchema);
}

export async function listProvinces() {
  const r = await optional(
    "/store/ocop/provinces",
    z.object({ provinces: z.array(provinceRef.passthrough()) }),
  );
  return r?.provinces ?? [];
}

export async function listGroups() {
  const r = await optional(
    "/store/ocop/groups",
    z.object({
      groups: z.array(z.object({ slug: z.string(), name_vi: z.string(), name_en: z.string() }).passthrough()),
    }),
  );
  return r?.groups ?? [];
}

// ---------------------------------------------------------------- search

const searchHitSchema = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  thumbnail: z.string().nullish(),
  price: z.union([z.number(), z.object({ amount: z.number() })]).nullish(),
  stars: stars.nullish(),
  province: provinceRef.nullish(),
});

/**
 * OCOP search (accent-insensitive, /store/ocop/search) when the backend has
 * it; otherwise Medusa's plain `q` filter.
 */
export async function searchProducts(
  q: string,
  { limit, offset }: { limit: number; offset: number },
): Promise<{ products: ProductSummary[]; count: number }> {
  const page = Math.floor(offset / limit) + 1;
  const body = await optional(
    `/store/ocop/search?q=${encodeURIComponent(q)}&limit=${limit}&page=${page}`,
    z.object({ hits: z.array(searchHitSchema), total: z.number() }),
  );
  if (body) {
    return {
      products: body.hits.map((h) => {
        const amount = typeof h.price === "number" ? h.price : (h.price?.amount ?? null);
        return {
          id: h.id,
          handle: h.handle,
          title: h.title,
          thumbnail: h.thumbnail || null,
          price: amount === null ? null : { amount, varies: false },
        };
      }),
      count: body.total,
    };
  }
  return searchProductsCore(q, { limit, offset });
}
