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

/**
 * Handle → listed product id through GET /store/ocop/handles/:handle (404 when
 * not listed). Medusa's `/store/products?handle=` costs seconds at 100k listed
 * products (its channel filter becomes `id IN (…every id…)`); this stays fast.
 */
async function resolveHandle(handle: string): Promise<string | null> {
  if (!handle || handle.length > 200) return null;
  const body = await core(async () => {
    try {
      return await getSdk().client.fetch<unknown>(`/store/ocop/handles/${encodeURIComponent(handle)}`, { method: "GET" });
    } catch (error) {
      if (error instanceof FetchError && error.status === 404) {
        // Medusa's own 404 carries a JSON message; a bare "Not Found" means the route is missing
        // (an older backend): fall back to the slow core lookup rather than hide every product.
        if (error.message === "Not Found") return { fallback: true };
        return null;
      }
      throw error;
    }
  });
  if (body && typeof body === "object" && "fallback" in body) {
    console.warn("[storefront] /store/ocop/handles/:handle is missing; using /store/products?handle= (slow at scale).");
    const { products } = await core(() => getSdk().store.product.list({ handle, limit: 1, fields: "id" }));
    return products[0]?.id ?? null;
  }
  const parsed = z.object({ id: z.string().min(1) }).safeParse(body);
  return parsed.success ? parsed.data.id : null;
}

export async function getProductByHandle(handle: string): Promise<ProductDetail | null> {
  const [id, region] = await Promise.all([resolveHandle(handle), getVndRegion()]);
  if (!id) return null;
  const p = await core(async () => {
    try {
      const { product } = await getSdk().store.product.retrieve(id, {
        ...(region ? { region_id: region.id } : {}),
        fields: priceFields(
          region,
          "+thumbnail,*images,+variants.inventory_quantity,+variants.manage_inventory,+variants.allow_backorder",
        ),
      });
      return product as RawProduct;
    } catch (error) {
      // listed a moment ago, gone from the sales channel now
      if (error instanceof FetchError && error.status === 404) return null;
      throw error;
    }
  });
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
  province: provinceRef.extend({ former_name_vi: z.string().nullish() }).nullish(),
  group: z
    .object({
      slug: z.string(),
      name: z.string(),
      subgroup: z.object({ slug: z.string(), name: z.string() }).nullish(),
    })
    .nullish(),
  producer: z.object({ handle: z.string(), name: z.string(), entity_type: z.string().nullish() }).nullish(),
});
type SearchHit = z.infer<typeof searchHitSchema>;

const facetValue = z.object({ value: z.string(), label: z.string().nullish(), count: z.number(), selected: z.boolean().nullish() });
const searchBodySchema = z.object({
  hits: z.array(z.unknown()),
  total: z.number(),
  facets: z
    .object({
      province: z.array(facetValue).default([]),
      group: z.array(facetValue).default([]),
      subgroup: z.array(facetValue).default([]),
      stars: z.array(z.object({ value: z.number(), count: z.number() })).default([]),
      producer_type: z.array(facetValue.omit({ label: true })).default([]),
      price: z.object({ min: z.number(), max: z.number() }).nullish(),
    })
    .partial()
    .nullish(),
  query: z
    .object({ province: provinceRef.extend({ former_name_vi: z.string().nullish() }).nullish() })
    .passthrough()
    .nullish(),
  corrected_terms: z.record(z.string(), z.string()).nullish(),
  took_ms: z.number().nullish(),
});

/** What a product card shows besides the product itself (a Listing fits, so does a search hit). */
export type CardFacts = {
  stars?: number | null;
  province?: { slug: string; name_vi: string; former_name_vi?: string | null } | null;
  group?: { slug: string; name_vi: string; name_en: string } | null;
  producer?: { handle: string; name: string; id?: string; entity_type?: string | null } | null;
  product_id?: string;
};

export type FacetCount = { value: string; label: string; count: number };

export type SearchResult = {
  products: ProductSummary[];
  facts: Record<string, CardFacts>;
  total: number;
  facets: {
    province: FacetCount[];
    group: FacetCount[];
    subgroup: FacetCount[];
    stars: { value: number; count: number }[];
    producer_type: { value: string; count: number }[];
    price: { min: number; max: number } | null;
  };
  /** The province the backend resolved (a former name gives the unit it merged into). */
  province: { slug: string; name_vi: string; former_name_vi: string | null } | null;
  corrected: Record<string, string>;
  tookMs: number | null;
};

export type SearchOutcome =
  | { ok: true; result: SearchResult }
  /** 400: the backend named the parameter it refused. */
  | { ok: false; reason: "bad_param"; param: string; message: string }
  /** the search route is missing or failing */
  | { ok: false; reason: "unavailable" };

const SEARCH_PARAMS = ["q", "province", "group", "subgroup", "stars", "min_price", "max_price", "producer_type", "sort", "page", "limit", "locale"];

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
  const label = (f: z.infer<typeof facetValue>): FacetCount => ({ value: f.value, label: f.label || f.value, count: f.count });
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
      province: province ? { slug: province.slug, name_vi: province.name_vi, former_name_vi: province.former_name_vi ?? null } : null,
      corrected: b.corrected_terms ?? {},
      tookMs: b.took_ms ?? null,
    },
  };
}

/**
 * Plain-text search kept for callers that only need products: OCOP search
 * when the backend has it, otherwise Medusa's plain `q` filter.
 */
export async function searchProducts(
  q: string,
  { limit, offset }: { limit: number; offset: number },
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
    }),
  );
  return (body?.suggestions ?? []).slice(0, 8).map((s) => ({ handle: s.handle, title: s.title, highlight: s.highlight || s.title }));
}

// ---------------------------------------------------------------- reference data (provinces, groups)

const provinceSchema = provinceRef.extend({
  former_provinces: z.array(provinceRef).default([]),
});
export type ProvinceInfo = z.infer<typeof provinceSchema>;

const subgroupSchema = z.object({ slug: z.string(), name_vi: z.string(), name_en: z.string() });
const groupSchema = z.object({
  slug: z.string(),
  name_vi: z.string(),
  name_en: z.string(),
  subgroups: z.array(subgroupSchema).default([]),
});
export type GroupInfo = z.infer<typeof groupSchema>;

/**
 * A static list from the backend (provinces, product groups), validated row by row and cached in
 * memory once it has been fetched; an empty answer is not cached, so the next request retries.
 */
function cachedStaticList<S extends z.ZodTypeAny>(path: string, key: string, row: S): () => Promise<z.infer<S>[]> {
  type T = z.infer<S>;
  let cache: T[] | undefined;
  return async () => {
    if (cache) return cache;
    const r = await optional(path, z.object({ [key]: z.array(z.unknown()) }));
    const list = ((r as Record<string, unknown[]> | null)?.[key] ?? []).flatMap((item) => {
      const parsed = row.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
    if (list.length) cache = list;
    return list;
  };
}

/** The 34 current provincial units with their former provinces (static data). */
export const getProvinces = cachedStaticList("/store/ocop/provinces", "provinces", provinceSchema);

/** The OCOP product groups with their subgroups (static data). */
export const getGroups = cachedStaticList("/store/ocop/groups", "groups", groupSchema);

// ---------------------------------------------------------------- results with a reason

/** A refusal the user should read (4xx), with field errors when the backend gives them. */
export type Refusal = { ok: false; status: number; message: string; errors: Record<string, string> };
export type Result<T> = { ok: true; data: T } | Refusal;

function is4xx(error: unknown): error is FetchError & { status: number } {
  return error instanceof FetchError && typeof error.status === "number" && error.status >= 400 && error.status < 500;
}

/** Core calls whose 4xx answers are shown to the user (a network or 5xx failure is still a 503 page). */
async function coreResult<T>(call: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    if (is4xx(error)) return { ok: false, status: error.status, message: error.message, errors: {} };
    return core(() => Promise.reject(error));
  }
}

// ---------------------------------------------------------------- cart and checkout

export type CartLine = {
  id: string;
  title: string;
  product_id: string;
  product_title: string;
  product_handle: string | null;
  variant_id: string;
  variant_title: string | null;
  thumbnail: string | null;
  quantity: number;
  unit_price: number;
  total: number;
};

export type Address = {
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  address_1: string | null;
  address_2: string | null;
  city: string | null;
  province: string | null;
};

export type CartView = {
  id: string;
  email: string | null;
  region_id: string | null;
  items: CartLine[];
  item_count: number;
  item_total: number;
  shipping_total: number;
  total: number;
  shipping_address: Address | null;
  shipping_option_id: string | null;
  completed: boolean;
};

const num = (v: unknown): number => {
  const n = typeof v === "number" ? v : Number((v as { value?: unknown })?.value ?? v);
  return Number.isFinite(n) ? n : 0;
};

type RawLine = {
  id: string;
  title?: string | null;
  product_id?: string | null;
  product_title?: string | null;
  product_handle?: string | null;
  variant_id?: string | null;
  variant_title?: string | null;
  thumbnail?: string | null;
  quantity?: unknown;
  unit_price?: unknown;
  total?: unknown;
  subtotal?: unknown;
};

function toLine(l: RawLine): CartLine {
  const quantity = num(l.quantity);
  const unit = num(l.unit_price);
  return {
    id: l.id,
    title: l.title ?? "",
    product_id: l.product_id ?? "",
    product_title: l.product_title ?? l.title ?? "",
    product_handle: l.product_handle ?? null,
    variant_id: l.variant_id ?? "",
    variant_title: l.variant_title ?? null,
    thumbnail: l.thumbnail || null,
    quantity,
    unit_price: unit,
    total: l.total !== undefined && l.total !== null ? num(l.total) : unit * quantity,
  };
}

function toAddress(a: Record<string, unknown> | null | undefined): Address | null {
  if (!a) return null;
  const s = (k: string) => (typeof a[k] === "string" ? (a[k] as string) : null);
  return {
    first_name: s("first_name"),
    last_name: s("last_name"),
    phone: s("phone"),
    address_1: s("address_1"),
    address_2: s("address_2"),
    city: s("city"),
    province: s("province"),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toCart(c: any): CartView {
  const items = ((c.items ?? []) as RawLine[]).map(toLine);
  return {
    id: c.id,
    email: c.email ?? null,
    region_id: c.region_id ?? null,
    items,
    item_count: items.reduce((n, l) => n + l.quantity, 0),
    item_total: num(c.item_total ?? c.subtotal),
    shipping_total: num(c.shipping_total),
    total: num(c.total),
    shipping_address: toAddress(c.shipping_address),
    shipping_option_id: c.shipping_methods?.[0]?.shipping_option_id ?? null,
    completed: Boolean(c.completed_at),
  };
}

/** The cart, or null when it does not exist any more (or was completed). */
export async function getCart(cartId: string): Promise<CartView | null> {
  try {
    const { cart } = await getSdk().store.cart.retrieve(cartId);
    const view = toCart(cart);
    return view.completed ? null : view;
  } catch (error) {
    if (error instanceof FetchError && error.status === 404) return null;
    return core(() => Promise.reject(error));
  }
}

export async function createCart(): Promise<CartView> {
  const region = await getVndRegion();
  const { cart } = await core(() => getSdk().store.cart.create(region ? { region_id: region.id } : {}));
  return toCart(cart);
}

/** Adds a line; the backend refuses unlisted products with a 4xx whose message is returned. */
export async function addToCart(cartId: string, variantId: string, quantity: number): Promise<Result<CartView>> {
  const r = await coreResult(() => getSdk().store.cart.createLineItem(cartId, { variant_id: variantId, quantity }));
  return r.ok ? { ok: true, data: toCart(r.data.cart) } : r;
}

export async function updateCartLine(cartId: string, lineId: string, quantity: number): Promise<Result<CartView>> {
  const r = await coreResult(() => getSdk().store.cart.updateLineItem(cartId, lineId, { quantity }));
  return r.ok ? { ok: true, data: toCart(r.data.cart) } : r;
}

export async function removeCartLine(cartId: string, lineId: string): Promise<Result<null>> {
  const r = await coreResult(() => getSdk().store.cart.deleteLineItem(cartId, lineId));
  return r.ok ? { ok: true, data: null } : r;
}

export type ShippingOptionView = { id: string; name: string; amount: number | null };

export async function listShippingOptions(cartId: string): Promise<ShippingOptionView[]> {
  const r = await coreResult(() => getSdk().store.fulfillment.listCartOptions({ cart_id: cartId }));
  if (!r.ok) return [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (r.data.shipping_options as any[]).map((o) => ({
    id: o.id,
    name: o.name ?? o.id,
    amount: o.calculated_price?.calculated_amount ?? o.amount ?? null,
  }));
}

/** Payment providers enabled in the VND region (COD is pp_system_default; card is pp_stripe_stripe). */
export async function listPaymentProviderIds(regionId: string): Promise<string[]> {
  const r = await coreResult(() => getSdk().store.payment.listPaymentProviders({ region_id: regionId }));
  return r.ok ? r.data.payment_providers.map((p) => p.id) : [];
}

export type CheckoutDetails = {
  email: string;
  full_name: string;
  phone: string;
  address: string;
  ward: string;
  province_name: string;
  shipping_option_id: string;
  payment_provider: string;
};

export type CompletedOrder = { id: string };

/**
 * Address, shipping, payment session, completion — stopping at the first
 * refusal, whose message is returned (e.g. a certificate revoked while the
 * product sat in the cart: the backend names the product).
 */
export async function checkout(cartId: string, d: CheckoutDetails): Promise<Result<CompletedOrder>> {
  const sdk = getSdk();
  const [first, ...rest] = d.full_name.trim().split(/\s+/).reverse();
  // Vietnamese names: family name first, given name last ("Nguyễn Văn An" → last "Nguyễn Văn", first "An").
  const first_name = first ?? d.full_name;
  const last_name = rest.reverse().join(" ");
  const updated = await coreResult(() =>
    sdk.store.cart.update(cartId, {
      email: d.email,
      shipping_address: {
        first_name,
        last_name,
        phone: d.phone,
        address_1: d.address,
        address_2: d.ward,
        city: d.ward,
        province: d.province_name,
        country_code: "vn",
      },
      billing_address: {
        first_name,
        last_name,
        phone: d.phone,
        address_1: d.address,
        address_2: d.ward,
        city: d.ward,
        province: d.province_name,
        country_code: "vn",
      },
    }),
  );
  if (!updated.ok) return updated;
  const shipping = await coreResult(() => sdk.store.cart.addShippingMethod(cartId, { option_id: d.shipping_option_id }));
  if (!shipping.ok) return shipping;
  const payment = await coreResult(() =>
    sdk.store.payment.initiatePaymentSession(shipping.data.cart, { provider_id: d.payment_provider }),
  );
  if (!payment.ok) return payment;
  const done = await coreResult(() => sdk.store.cart.complete(cartId));
  if (!done.ok) return done;
  if (done.data.type === "order") return { ok: true, data: { id: done.data.order.id } };
  const message = done.data.error?.message ?? "The order could not be completed.";
  return { ok: false, status: 400, message, errors: {} };
}

export type OrderView = {
  id: string;
  display_id: number | null;
  email: string | null;
  created_at: string | null;
  items: CartLine[];
  item_total: number;
  shipping_total: number;
  total: number;
  shipping_address: Address | null;
  shipping_method: string | null;
  payment_provider: string | null;
};

export async function getOrder(orderId: string): Promise<OrderView | null> {
  try {
    const { order } = await getSdk().store.order.retrieve(orderId, {
      fields: "*items,*shipping_address,*shipping_methods,*payment_collections.payment_sessions,+item_total,+shipping_total,+total",
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const o = order as any;
    return {
      id: o.id,
      display_id: o.display_id ?? null,
      email: o.email ?? null,
      created_at: o.created_at ? String(o.created_at) : null,
      items: ((o.items ?? []) as RawLine[]).map(toLine),
      item_total: num(o.item_total ?? o.subtotal),
      shipping_total: num(o.shipping_total),
      total: num(o.total),
      shipping_address: toAddress(o.shipping_address),
      shipping_method: o.shipping_methods?.[0]?.name ?? null,
      payment_provider: o.payment_collections?.[0]?.payment_sessions?.[0]?.provider_id ?? null,
    };
  } catch (error) {
    if (error instanceof FetchError && (error.status === 404 || error.status === 400)) return null;
    return core(() => Promise.reject(error));
  }
}

// ---------------------------------------------------------------- portals (producer, trade centre)

/**
 * The portal routes (/auth, /producers, /vendor, /trade-center) answer field
 * errors as `{ errors: { field: message } }`, which the SDK's FetchError drops,
 * so they go through this typed fetch with the user's bearer token.
 */
async function portal<T>(
  path: string,
  { method = "GET", token, body }: { method?: "GET" | "POST"; token?: string; body?: unknown } = {},
): Promise<Result<T>> {
  const base = process.env.MEDUSA_BACKEND_URL?.trim() || "http://localhost:9000";
  const headers: Record<string, string> = { accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    console.error(`[storefront] backend unreachable: ${error instanceof Error ? error.message : String(error)}`);
    throw storeError("backend_unavailable", 503);
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return { ok: true, data: json as T };
  if (res.status >= 500) {
    console.error(`[storefront] ${method} ${path.split("?")[0]} answered ${res.status}: ${String(json.message ?? "")}`);
    throw storeError("backend_unavailable", 503);
  }
  const errors: Record<string, string> = {};
  if (json.errors && typeof json.errors === "object") {
    for (const [k, v] of Object.entries(json.errors as Record<string, unknown>)) if (typeof v === "string") errors[k] = v;
  }
  return { ok: false, status: res.status, message: typeof json.message === "string" ? json.message : res.statusText, errors };
}

export type Actor = "producer" | "curator";

export async function login(actor: Actor, email: string, password: string): Promise<Result<string>> {
  const r = await portal<{ token?: string }>(`/auth/${actor}/emailpass`, { method: "POST", body: { email, password } });
  if (!r.ok) return r;
  if (!r.data.token) return { ok: false, status: 401, message: "", errors: {} };
  return { ok: true, data: r.data.token };
}

export type ProducerProfile = {
  id: string;
  name: string;
  handle?: string | null;
  status: string;
  entity_type: string;
  province_code: string;
  phone?: string | null;
  email?: string | null;
  ward?: string | null;
  address?: string | null;
  story?: string | null;
};

/** Register a producer login, create its producer (pending) and log in as it. */
export async function signUpProducer(
  input: { email: string; password: string; name: string; entity_type: string; province_code: string; phone: string; ward?: string; address?: string; story?: string },
): Promise<Result<{ token: string; producer: ProducerProfile }>> {
  const { email, password, ...producer } = input;
  const reg = await portal<{ token: string }>("/auth/producer/emailpass/register", { method: "POST", body: { email, password } });
  if (!reg.ok) return reg;
  const made = await portal<{ producer: ProducerProfile }>("/producers/signup", {
    method: "POST",
    token: reg.data.token,
    body: { ...producer, email },
  });
  if (!made.ok) return made;
  const token = await login("producer", email, password);
  if (!token.ok) return token;
  return { ok: true, data: { token: token.data, producer: made.data.producer } };
}

export type VendorProduct = {
  id: string;
  title: string;
  handle?: string | null;
  status: string;
  description?: string | null;
  thumbnail?: string | null;
  variants?: { id: string; prices?: { amount: number; currency_code: string }[] }[];
  product_listing?: { listed?: boolean; blocked_reasons?: string[] | null } | null;
  certifications?: { id: string; status: string; stars: number; certificate_number?: string | null; expires_at?: string | null; reason?: string | null }[];
};

export const vendor = {
  me: (token: string) => portal<{ producer: ProducerProfile }>("/vendor/me", { token }),
  updateMe: (token: string, body: Record<string, unknown>) =>
    portal<{ producer: ProducerProfile }>("/vendor/me", { method: "POST", token, body }),
  products: (token: string, { limit = 50, offset = 0 } = {}) =>
    portal<{ products: VendorProduct[]; count: number }>(`/vendor/products?limit=${limit}&offset=${offset}`, { token }),
  product: (token: string, id: string) => portal<{ product: VendorProduct }>(`/vendor/products/${encodeURIComponent(id)}`, { token }),
  createProduct: (token: string, body: Record<string, unknown>) =>
    portal<{ product: VendorProduct }>("/vendor/products", { method: "POST", token, body }),
  updateProduct: (token: string, id: string, body: Record<string, unknown>) =>
    portal<{ product: VendorProduct }>(`/vendor/products/${encodeURIComponent(id)}`, { method: "POST", token, body }),
  submitCertification: (token: string, body: Record<string, unknown>) =>
    portal<{ certification: { id: string } }>("/vendor/certifications", { method: "POST", token, body }),
  orders: (token: string) => portal<{ orders: VendorOrder[]; count: number }>("/vendor/orders", { token }),
  fulfil: (token: string, orderId: string) =>
    portal<{ fulfillment: { id: string } }>(`/vendor/orders/${encodeURIComponent(orderId)}/fulfillments`, { method: "POST", token, body: {} }),
};

export type VendorOrder = {
  id: string;
  display_id: number | null;
  created_at: string;
  status: string;
  email?: string | null;
  shipping_address?: Record<string, unknown> | null;
  items: { id: string; title: string; product_id: string; quantity: number; unit_price: number }[];
  subtotal: number;
  fulfillments: { id: string; created_at: string }[];
};

export type CuratorCertification = {
  id: string;
  product_id: string;
  product?: { id: string; title: string; handle: string } | null;
  producer?: { id: string; name: string; handle: string } | null;
  producer_id?: string | null;
  stars: number;
  score?: number | null;
  status: string;
  group_slug?: string | null;
  certificate_number?: string | null;
  decision_number?: string | null;
  issuing_authority?: string | null;
  province_code: string;
  valid_from?: string | null;
  expires_at?: string | null;
  created_at?: string | null;
  reason?: string | null;
};

export const tradeCenter = {
  me: (token: string) => portal<{ trade_center: { id: string; name: string; province_code: string } }>("/trade-center/me", { token }),
  certifications: (token: string, status?: string) =>
    portal<{ certifications: CuratorCertification[]; count: number }>(
      `/trade-center/certifications?limit=100${status ? `&status=${encodeURIComponent(status)}` : ""}`,
      { token },
    ),
  decide: (token: string, id: string, action: string, reason?: string) =>
    portal<{ certification: CuratorCertification }>(
      `/trade-center/certifications/${encodeURIComponent(id)}/${encodeURIComponent(action)}`,
      { method: "POST", token, body: reason ? { reason } : {} },
    ),
  stats: (token: string) =>
    portal<{ province_code: string; approved: number; by_stars: Record<string, number>; by_group: Record<string, number> }>(
      "/trade-center/stats",
      { token },
    ),
};
