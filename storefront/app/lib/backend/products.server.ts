/**
 * Products from Medusa's core store routes, priced in the VND region: lists,
 * the product page (by handle, one list request), stock badges.
 */
import { core, getSdk } from "./client.server";
import type { Lang } from "../i18n";
import { contentLocale } from "../lang-path";
import { getVndRegion, type VndRegion } from "./reference-data.server";
import type { PriceView, ProductDetail, ProductSummary, StockState } from "./views";

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
  /** In the producer's order (`rank`), each with the alt text it typed (`metadata.alt`). */
  images?: { id: string; url: string; rank?: number | null; metadata?: { alt?: unknown } | null }[] | null;
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

// What toSummary and the product page read, and nothing else: Medusa's default fields (options, tags,
// collection, type, every variant column…) more than doubled these calls at 100k (60–80 ms for two
// products by id against 20–27 ms; a product page's read 60–70 ms against 32–46 ms).
const SUMMARY_FIELDS = "id,title,handle,thumbnail";
const DETAIL_FIELDS =
  "id,title,handle,subtitle,description,thumbnail,*images,variants.id,variants.title," +
  "variants.manage_inventory,variants.allow_backorder,+variants.inventory_quantity";

function priceFields(region: VndRegion | null, extra: string): string {
  // calculated_price needs a pricing context (region); without one, leave it out.
  return [region ? "*variants.calculated_price" : "", extra].filter(Boolean).join(",");
}

type ProductListQuery = NonNullable<Parameters<ReturnType<typeof getSdk>["store"]["product"]["list"]>[0]>;

/** Product content in the page's language: Medusa's Translation Module reads x-medusa-locale. */
export function localeHeaders(lang: Lang | undefined): Record<string, string> {
  const locale = lang ? contentLocale(lang) : undefined;
  return locale ? { "x-medusa-locale": locale } : {};
}

/**
 * Titles of the given products in the page's language (Translation Module), for lines a cart stored
 * in Vietnamese when they were added. Empty for Vietnamese pages; products no longer listed are absent.
 */
export async function productTitlesIn(ids: string[], lang: Lang): Promise<Map<string, string>> {
  const headers = localeHeaders(lang);
  if (!ids.length || !headers["x-medusa-locale"]) return new Map();
  const { products } = await core(() =>
    getSdk().store.product.list({ id: ids, fields: "id,title", limit: ids.length }, headers)
  );
  return new Map((products as RawProduct[]).filter((p) => p.title).map((p) => [p.id, p.title as string]));
}

/** Listed products priced in the VND region, through Medusa's core list route. */
async function listPriced(
  query: ProductListQuery,
  lang?: Lang
): Promise<{ products: ProductSummary[]; count: number }> {
  const region = await getVndRegion();
  const result = await core(() =>
    getSdk().store.product.list(
      {
        ...query,
        ...(region ? { region_id: region.id } : {}),
        fields: priceFields(region, SUMMARY_FIELDS),
      },
      localeHeaders(lang)
    )
  );
  return {
    products: (result.products as RawProduct[]).map(toSummary),
    count: result.count ?? result.products.length,
  };
}

export async function listProducts({
  limit,
  offset,
}: {
  limit: number;
  offset: number;
}): Promise<{ products: ProductSummary[]; count: number }> {
  return listPriced({ limit, offset, order: "-created_at" });
}

/** Plain text search over the core store route (fallback for /store/ocop/search). */
export async function searchProductsCore(
  q: string,
  { limit, offset }: { limit: number; offset: number }
): Promise<{ products: ProductSummary[]; count: number }> {
  return listPriced({ q, limit, offset });
}

export async function listProductsByIds(ids: string[], lang?: Lang): Promise<ProductSummary[]> {
  if (ids.length === 0) return [];
  return (await listPriced({ id: ids, limit: ids.length }, lang)).products;
}

/**
 * A product by handle through Medusa's `/store/products?handle=`, which the backend's channel fast
 * path answers in one statement — faster at 100k than resolving the handle through
 * /store/ocop/handles and then reading the product by id (bench/RESULTS.md 2026-11-30).
 */
export async function getProductByHandle(handle: string, lang?: Lang): Promise<ProductDetail | null> {
  if (!handle || handle.length > 200) return null;
  return productByHandle(handle, await getVndRegion(), lang);
}

async function productByHandle(
  handle: string,
  region: Awaited<ReturnType<typeof getVndRegion>>,
  lang: Lang | undefined
): Promise<ProductDetail | null> {
  // Only listed products come back: the publishable key scopes the list to the marketplace channel.
  const { products } = await core(() =>
    getSdk().store.product.list(
      {
        handle,
        limit: 1,
        ...(region ? { region_id: region.id } : {}),
        fields: priceFields(region, DETAIL_FIELDS),
      },
      localeHeaders(lang)
    )
  );
  const p = products[0] as RawProduct | undefined;
  if (!p) return null;
  return {
    id: p.id,
    handle: p.handle ?? handle,
    title: p.title ?? "",
    subtitle: p.subtitle || null,
    description: p.description || null,
    thumbnail: p.thumbnail || null,
    images: (p.images ?? []).filter((i) => Boolean(i?.url)).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)),
    variants: (p.variants ?? []).map((v) => ({
      id: v.id,
      title: v.title ?? "",
      amount: amountOf(v),
      ...stockOf(v),
    })),
  };
}
