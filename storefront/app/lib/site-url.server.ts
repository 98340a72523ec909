/**
 * The storefront's public origin, for canonical URLs, hreflang, Open Graph, sitemaps and robots.txt:
 * STOREFRONT_PUBLIC_URL (e.g. https://cho-ocop.vn) when set — behind a proxy the request's own host
 * may be an internal one — otherwise the origin the request was sent to (development, tests).
 */
export function publicSiteUrl(request: Request): string {
  const configured = process.env.STOREFRONT_PUBLIC_URL?.trim();
  if (configured) {
    try {
      const url = new URL(configured);
      if (url.protocol === "https:" || url.protocol === "http:") return url.origin;
    } catch {
      // fall through to the request's origin
    }
    console.warn("[storefront] STOREFRONT_PUBLIC_URL is not an http(s) URL; using the request's origin.");
  }
  return new URL(request.url).origin;
}
