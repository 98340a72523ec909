/**
 * The page language comes from the URL: English under /en, Vietnamese at the unprefixed paths
 * (see lang-path.ts and docs/decisions/013-language-in-the-url.md), so both languages can be
 * linked and indexed. The `lang` cookie (set by POST /lang) is only a preference, read by the
 * producer and trade-centre portals at their unprefixed URLs.
 */
import { createCookie } from "@remix-run/node";
import { isLang, type Lang } from "./i18n";
import { langOfPath, usesLanguagePreference } from "./lang-path";
import { COOKIE_SECURE } from "./session.server";

export const langCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: COOKIE_SECURE,
  maxAge: 60 * 60 * 24 * 365,
});

export async function getLang(request: Request): Promise<Lang> {
  const { pathname } = new URL(request.url);
  if (usesLanguagePreference(pathname)) {
    const value: unknown = await langCookie.parse(request.headers.get("Cookie"));
    if (isLang(value)) return value;
  }
  return langOfPath(pathname);
}

/**
 * Catalogue pages: shared caches keep them 30 s (+30 s stale while refetching); the header's cart
 * count comes from the session cookie, so the storefront server (server/cache.mjs) turns this into
 * `private, no-store` for a visitor with a session and adds the ETag.
 */
export const PUBLIC_CACHE_HEADERS = {
  "Cache-Control": "public, max-age=0, s-maxage=30, stale-while-revalidate=30",
  Vary: "Cookie",
} as const;
