import type { MetaDescriptor, MetaFunction } from "@remix-run/node";
import { DEFAULT_LANG, isLang, t, type Lang, type MessageKey } from "./i18n";
import { pathInLang } from "./lang-path";

type Match = { id: string; data: unknown };

type RootData = { lang?: unknown; siteUrl?: unknown };

function rootData(matches: Match[]): RootData | undefined {
  return matches.find((m) => m.id === "root")?.data as RootData | undefined;
}

/** The page language, read from the root loader's data inside a `meta` function. */
export function langFromMatches(matches: Match[]): Lang {
  const root = rootData(matches);
  return isLang(root?.lang) ? root.lang : DEFAULT_LANG;
}

/** The storefront's public origin (root loader: STOREFRONT_PUBLIC_URL, else the request's origin). */
export function siteUrlFromMatches(matches: Match[]): string {
  const url = rootData(matches)?.siteUrl;
  return typeof url === "string" ? url : "";
}

export function pageTitle(lang: Lang, title: string): MetaDescriptor {
  return { title: `${title} · ${t(lang, "site.name")}` };
}

export function titleFor(lang: Lang, key: MessageKey): MetaDescriptor {
  return pageTitle(lang, t(lang, key));
}

/** The `meta` of a page whose only head entry is its title ("title · site name") in the page language. */
export function titleMeta(key: MessageKey): MetaFunction {
  return ({ matches }) => [titleFor(langFromMatches(matches), key)];
}

/** An absolute URL of a page in a language, for canonical links, hreflang, Open Graph, sitemaps. */
export function absoluteUrl(siteUrl: string, lang: Lang, path: string): string {
  return `${siteUrl}${pathInLang(lang, path)}`;
}

/** Meta descriptions: one line, at most ~160 characters, cut at a word. */
export function shortDescription(text: string, max = 160): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}

export type PageSeo = {
  matches: Match[];
  /** the page's path without the language prefix, without a query: "/provinces/lam-dong" */
  path: string;
  title: string;
  /** the <title>, when it is not "title · site name" (the home page) */
  documentTitle?: string;
  description: string;
  /** an absolute image URL for link previews (the product photo) */
  image?: string | null;
  type?: "website" | "product";
  /** extra descriptors (JSON-LD, …) */
  extra?: MetaDescriptor[];
};

/**
 * Everything a shopper page tells search engines and link previews: the title, the description,
 * the canonical URL in this language, its vi / en / x-default alternates, Open Graph and the
 * Twitter card (a large image when there is one).
 */
export function pageSeo(seo: PageSeo) {
  const { matches, path, title, documentTitle, description, image, type = "website", extra = [] } = seo;
  const lang = langFromMatches(matches);
  const site = siteUrlFromMatches(matches);
  const canonical = absoluteUrl(site, lang, path);
  const fullTitle = documentTitle ?? `${title} · ${t(lang, "site.name")}`;
  const text = shortDescription(description);
  return [
    { title: fullTitle },
    { name: "description", content: text },
    { tagName: "link", rel: "canonical", href: canonical },
    { tagName: "link", rel: "alternate", hrefLang: "vi", href: absoluteUrl(site, "vi", path) },
    { tagName: "link", rel: "alternate", hrefLang: "en", href: absoluteUrl(site, "en", path) },
    { tagName: "link", rel: "alternate", hrefLang: "x-default", href: absoluteUrl(site, "vi", path) },
    { property: "og:site_name", content: t(lang, "site.name") },
    { property: "og:type", content: type },
    { property: "og:title", content: title },
    { property: "og:description", content: text },
    { property: "og:url", content: canonical },
    { property: "og:locale", content: lang === "vi" ? "vi_VN" : "en_US" },
    { property: "og:locale:alternate", content: lang === "vi" ? "en_US" : "vi_VN" },
    ...(image
      ? [
          { property: "og:image", content: image },
          { property: "og:image:alt", content: title },
        ]
      : []),
    { name: "twitter:card", content: image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: title },
    { name: "twitter:description", content: text },
    ...(image ? [{ name: "twitter:image", content: image }] : []),
    ...extra,
  ] satisfies MetaDescriptor[];
}

/** A JSON-LD block as a meta descriptor (Remix renders it as <script type="application/ld+json">). */
export function jsonLd(value: Record<string, unknown>): MetaDescriptor {
  return { "script:ld+json": value };
}

/** A page that does not exist: titled, described, and kept out of the index. */
export function notFoundSeo(matches: Match[], key: MessageKey = "error.notFoundTitle"): MetaDescriptor[] {
  const lang = langFromMatches(matches);
  return [
    titleFor(lang, key),
    { name: "description", content: t(lang, "seo.notFoundDescription") },
    { name: "robots", content: "noindex" },
  ];
}

/** A page's title and description from the dictionary; `private` pages (cart, orders) are not indexed. */
export function describedPage(
  matches: Match[],
  titleKey: MessageKey,
  descriptionKey: MessageKey,
  { private: personal = false } = {}
): MetaDescriptor[] {
  const lang = langFromMatches(matches);
  return [
    titleFor(lang, titleKey),
    { name: "description", content: t(lang, descriptionKey) },
    ...(personal ? [{ name: "robots", content: "noindex" }] : []),
  ];
}
