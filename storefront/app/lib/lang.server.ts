/**
 * The UI language lives in one cookie, `lang` (vi | en). Vietnamese is the
 * default. It is changed only by POST /lang (see routes/lang.tsx), so every
 * page URL stays the same in both languages; pages vary by cookie.
 */
import { createCookie } from "@remix-run/node";
import { DEFAULT_LANG, isLang, type Lang } from "./i18n";
import { COOKIE_SECURE } from "./session.server";

export const langCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: COOKIE_SECURE,
  maxAge: 60 * 60 * 24 * 365,
});

export async function getLang(request: Request): Promise<Lang> {
  const value: unknown = await langCookie.parse(request.headers.get("Cookie"));
  return isLang(value) ? value : DEFAULT_LANG;
}

/** Catalogue pages: cacheable for a minute, per language cookie. */
export const PUBLIC_CACHE_HEADERS = {
  "Cache-Control": "public, max-age=60",
  Vary: "Cookie",
} as const;
