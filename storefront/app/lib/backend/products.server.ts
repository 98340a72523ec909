/**
 * Products from Medusa's core store routes, priced in the VND region: lists,
 * the product page (handle → id through /store/ocop/handles), stock badges.
 */
import { FetchError } from "@medusajs/js-sdk";
import { z } from "zod";
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
        fields: priceFields(region, "+thumbnail"),
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
 * Handle → listed product id through GET /store/ocop/handles/:handle (404 when
 * not listed). Medusa's `/store/products?handle=` costs seconds at 100k listed
 * products (its channel filter becomes `id IN (…every id…)`); this stays fast.
 */
async function resolveHandle(handle: string): Promise<string | null> {
  if (!handle || handle.length > 200) return null;
  const body = await core(async () => {
    try {
      return await getSdk().client.fetch<unknown>(`/store/ocop/handles/${encodeURIComponent(handle)}`, {
        method: "GET",
      });
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

export async function getProductByHandle(handle: string, lang?: Lang): Promise<ProductDetail | null> {
  return (await getProductWith(handle, lang, async () => null))?.product ?? null;
}

/**
 * The product page's data in two rounds instead of three: handle → id, then the product and
 * whatever else needs only its id (`alongside`: the certificate, the listing facts) at once.
 */
export async function getProductWith<T>(
  handle: string,
  lang: Lang | undefined,
  alongside: (id: string) => Promise<T>
): Promise<{ product: ProductDetail; extra: T } | null> {
  const [id, region] = await Promise.all([resolveHandle(handle), getVndRegion()]);
  if (!id) return null;
  const [product, extra] = await Promise.all([retrieveProduct(id, handle, region, lang), alongside(id)]);
  return product ? { product, extra } : null;
}

async function retrieveProduct(
  id: string,
  handle: string,
  region: Awaited<ReturnType<typeof getVndRegion>>,
  lang: Lang | undefined
): Promise<ProductDetail | null> {
  const p = await core(async () => {
    try {
      const { product } = await getSdk().store.product.retrieve(
        id,
        {
          ...(region ? { region_id: region.id } : {}),
          fields: priceFields(
            region,
            "+thumbnail,*images,+variants.inventory_quantity,+variants.manage_inventory,+variants.allow_backorder"
          ),
        },
        localeHeaders(lang)
      );
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
    images: (p.images ?? []).filter((i) => Boolean(i?.url)).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)),
    variants: (p.variants ?? []).map((v) => ({
      id: v.id,
      title: v.title ?? "",
      amount: amountOf(v),
      ...stockOf(v),
    })),
  };
}
