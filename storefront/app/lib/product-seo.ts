/**
 * What a product page tells search engines: JSON-LD `Product` with an `Offer` (VND price,
 * availability) and a `BreadcrumbList` (home → product group → product), and a description when
 * the product has none of its own. Client-safe: `meta` functions run in the browser too.
 */
import type { MetaDescriptor } from "@remix-run/node";
import type { Certification, Listing, Producer } from "./backend/ocop-facts.server";
import type { ProductDetail, StockState } from "./backend/views";
import { t, type Lang } from "./i18n";
import { publicFileSrc } from "./file-url";
import { absoluteUrl, jsonLd, siteUrlFromMatches } from "./meta";
import { formatVnd } from "./money";

const AVAILABILITY: Record<StockState, string> = {
  in_stock: "https://schema.org/InStock",
  low: "https://schema.org/LimitedAvailability",
  backorder: "https://schema.org/BackOrder",
  out_of_stock: "https://schema.org/OutOfStock",
  unknown: "https://schema.org/InStock",
};

type ProductPageData = {
  product: ProductDetail;
  selectedVariantId: string | null;
  certification: Pick<Certification, "stars" | "certificate_number" | "province"> | null;
  producer: Pick<Producer, "name" | "handle"> | null;
  listing: Pick<Listing, "stars" | "group" | "province" | "producer"> | null;
  lang: Lang;
  matches: { id: string; data: unknown }[];
};

export function productJsonLd({
  product,
  selectedVariantId,
  certification,
  producer,
  listing,
  lang,
  matches,
}: ProductPageData) {
  const site = siteUrlFromMatches(matches);
  const url = absoluteUrl(site, lang, `/products/${product.handle}`);
  // Link previews and search engines need absolute image addresses: an uploaded photo is served by
  // the storefront (/files/…), a seeded one by its own absolute URL.
  const images = (product.images.length ? product.images.map((i) => i.url) : [product.thumbnail])
    .map((u) => publicFileSrc(u))
    .filter((u): u is string => Boolean(u))
    .map((u) => (u.startsWith("/") ? `${site}${u}` : u));
  const variant = product.variants.find((v) => v.id === selectedVariantId) ?? product.variants[0] ?? null;
  const priced = product.variants.filter((v) => typeof v.amount === "number");
  const lowest = priced.length ? Math.min(...priced.map((v) => v.amount as number)) : null;
  const stars = certification?.stars ?? listing?.stars ?? null;
  const province = certification?.province?.name_vi ?? listing?.province?.name_vi ?? null;
  const seller = producer?.name ?? listing?.producer?.name ?? null;
  const group = listing?.group ?? null;

  const productLd: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    url,
    ...(images.length ? { image: images } : {}),
    ...(product.description ? { description: product.description } : {}),
    ...(certification?.certificate_number ? { sku: certification.certificate_number } : {}),
    ...(seller ? { brand: { "@type": "Brand", name: seller } } : {}),
    ...(group ? { category: lang === "vi" ? group.name_vi : group.name_en } : {}),
    ...(stars
      ? {
          additionalProperty: [{ "@type": "PropertyValue", name: "OCOP", value: t(lang, "stars.label", { n: stars }) }],
        }
      : {}),
    ...(lowest !== null
      ? {
          offers: {
            "@type": "Offer",
            url,
            price: lowest,
            priceCurrency: "VND",
            availability: AVAILABILITY[variant?.stock ?? "unknown"],
            itemCondition: "https://schema.org/NewCondition",
            ...(seller ? { seller: { "@type": "Organization", name: seller } } : {}),
          },
        }
      : {}),
  };
  const crumbs = [
    { name: t(lang, "nav.home"), url: absoluteUrl(site, lang, "/") },
    ...(group
      ? [{ name: lang === "vi" ? group.name_vi : group.name_en, url: absoluteUrl(site, lang, `/groups/${group.slug}`) }]
      : []),
    { name: product.title, url },
  ];
  const breadcrumbLd = {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.name, item: c.url })),
  };
  const where = province ? t(lang, "seo.fromProvince", { name: province }) : "";
  const summary = stars
    ? t(lang, "seo.productDescription", {
        title: product.title,
        stars,
        province: where,
        price: lowest !== null ? formatVnd(lowest) : "—",
      })
    : t(lang, "seo.productDescriptionNoStars", { title: product.title, province: where });
  const descriptors: MetaDescriptor[] = [jsonLd(productLd), jsonLd(breadcrumbLd)];
  return { descriptors, image: images[0] ?? null, summary };
}
