/**
 * Sitemap XML (sitemaps.org 0.9 with xhtml:link alternates for vi / en / x-default). Each page
 * is listed in both languages; each sitemap file holds at most 2 × 5,000 URLs (the limit is 50,000).
 */
import { absoluteUrl } from "./meta";

export type SitemapUrl = { path: string; lastmod?: string | null };

export function escapeXml(value: string): string {
  return value.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] as string
  );
}

function lastmod(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "" : `<lastmod>${date.toISOString()}</lastmod>`;
}

export function urlsetXml(site: string, urls: SitemapUrl[]): string {
  const body = urls
    .flatMap(({ path, lastmod: changed }) => {
      const vi = escapeXml(absoluteUrl(site, "vi", path));
      const en = escapeXml(absoluteUrl(site, "en", path));
      const alternates =
        `<xhtml:link rel="alternate" hreflang="vi" href="${vi}"/>` +
        `<xhtml:link rel="alternate" hreflang="en" href="${en}"/>` +
        `<xhtml:link rel="alternate" hreflang="x-default" href="${vi}"/>`;
      return [vi, en].map((loc) => `<url><loc>${loc}</loc>${lastmod(changed)}${alternates}</url>`);
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${body}
</urlset>
`;
}

export function sitemapIndexXml(site: string, files: string[]): string {
  const body = files.map((f) => `<sitemap><loc>${escapeXml(`${site}/sitemaps/${f}`)}</loc></sitemap>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</sitemapindex>
`;
}

export const XML_HEADERS = {
  "Content-Type": "application/xml; charset=utf-8",
  "Cache-Control": "public, max-age=3600",
};

/**
 * Paths search engines should leave alone, in both languages. Rules match by prefix, so the
 * producer portal is "/producer" exactly or "/producer/…" — never the public "/producers/…" pages.
 */
export const PRIVATE_PATHS = [
  "/producer$",
  "/producer/",
  "/trade-center",
  "/cart",
  "/checkout",
  "/account",
  "/orders",
  "/lang",
  "/api/",
];

export function robotsTxt(site: string): string {
  const disallow = PRIVATE_PATHS.flatMap((p) => [`Disallow: ${p}`, `Disallow: /en${p}`]);
  return ["User-agent: *", "Allow: /", ...disallow, "", `Sitemap: ${site}/sitemap.xml`, ""].join("\n");
}
