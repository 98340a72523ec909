// GET /sitemap.xml — the sitemap index: pages, provinces, groups, then producers and products in
// pages of 5,000 (so 100k products are 20 files).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSitemapPage, SITEMAP_PAGE_SIZE } from "~/lib/backend/sitemap.server";
import { XML_HEADERS, sitemapIndexXml } from "~/lib/sitemap";
import { publicSiteUrl } from "~/lib/site-url.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const [products, producers] = await Promise.all([getSitemapPage("products", 1), getSitemapPage("producers", 1)]);
  if (!products || !producers) return new Response("Sitemap temporarily unavailable.\n", { status: 503 });
  const pages = (count: number) => Math.max(1, Math.ceil(count / SITEMAP_PAGE_SIZE));
  const files = [
    "pages.xml",
    "provinces.xml",
    "groups.xml",
    ...Array.from({ length: pages(producers.count) }, (_, i) => `producers-${i + 1}.xml`),
    ...Array.from({ length: pages(products.count) }, (_, i) => `products-${i + 1}.xml`),
  ];
  return new Response(sitemapIndexXml(publicSiteUrl(request), files), { headers: XML_HEADERS });
}
