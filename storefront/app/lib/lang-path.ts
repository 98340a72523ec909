/**
 * Language in the URL: Vietnamese at the unprefixed paths, English under /en (the storefront
 * server runs the same routes there with basename "/en", see server/language.mjs). Inside a page,
 * <Link to="/x"> already stays in the page's language; these helpers are for what Remix's router
 * does not write: the language switch, hreflang alternates, canonical URLs, the sitemap.
 */
import type { Lang } from "./i18n";

export const ENGLISH_PREFIX = "/en";

/** The language a path is in: /en and /en/… are English, everything else Vietnamese. */
export function langOfPath(pathname: string): Lang {
  return pathname === ENGLISH_PREFIX || pathname.startsWith(`${ENGLISH_PREFIX}/`) ? "en" : "vi";
}

/** A path without its language prefix: "/en/products/x" → "/products/x", "/en" → "/". */
export function unprefixedPath(pathname: string): string {
  if (langOfPath(pathname) === "vi") return pathname || "/";
  return pathname.slice(ENGLISH_PREFIX.length) || "/";
}

/** The path of a page in a language: ("en", "/products/x") → "/en/products/x"; ("vi", p) → p. */
export function pathInLang(lang: Lang, pathname: string): string {
  const bare = unprefixedPath(pathname);
  if (lang === "vi") return bare;
  return bare === "/" ? ENGLISH_PREFIX : `${ENGLISH_PREFIX}${bare}`;
}

/**
 * Pages whose language is the visitor's preference (the `lang` cookie), not the URL: the
 * producer and trade-centre portals, which search engines never index.
 */
export function usesLanguagePreference(pathname: string): boolean {
  return /^\/(producer|trade-center)(\/|$)/.test(unprefixedPath(pathname)) && langOfPath(pathname) === "vi";
}

/**
 * The locale Medusa's Translation Module keys English product content by (sent as x-medusa-locale);
 * Vietnamese is the products' own text.
 */
export function contentLocale(lang: Lang): string | undefined {
  return lang === "en" ? "en-US" : undefined;
}
