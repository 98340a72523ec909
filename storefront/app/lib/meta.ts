import type { MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LANG, isLang, t, type Lang, type MessageKey } from "./i18n";

type Match = { id: string; data: unknown };

/** The page language, read from the root loader's data inside a `meta` function. */
export function langFromMatches(matches: Match[]): Lang {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: unknown } | undefined;
  return isLang(root?.lang) ? root.lang : DEFAULT_LANG;
}

export function pageTitle(lang: Lang, title: string): MetaDescriptor {
  return { title: `${title} · ${t(lang, "site.name")}` };
}

export function titleFor(lang: Lang, key: MessageKey): MetaDescriptor {
  return pageTitle(lang, t(lang, key));
}
