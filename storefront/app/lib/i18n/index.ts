/**
 * UI text in Vietnamese (default) and English: one dictionary per language
 * (vi.ts, en.ts), and here what reads them — `t()`, `useT()`, `formatDate()`.
 *
 * `vi` is the source of truth for the keys; `en` is typed against it, so a key
 * missing in either language is a compile error (and i18n.test.ts checks the
 * same thing at runtime, placeholders included).
 * Placeholders are written `{name}` and filled by `t()`.
 */
import { createContext, useContext } from "react";
import { en } from "./en";
import { vi, type MessageKey } from "./vi";

export type { MessageKey };

export const LANGS = ["vi", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "vi";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

export const messages: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** Whether a text is one of our message keys (a form schema's error, our own refusal), not words to show as is. */
export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(messages.vi, text);
}

export type MessageParams = Record<string, string | number>;

/**
 * Fills `{name}` placeholders, and chooses a word by a number: `{n:product|products}` is "product"
 * when `n` is one in the page's language (English "1 product"), else "products". Vietnamese has no
 * plural form, so its messages need none.
 */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = messages[lang][key] ?? messages[DEFAULT_LANG][key];
  if (!params) return template;
  return template
    .replace(/\{(\w+):([^|}]*)\|([^}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in params ? (plurals[lang].select(Number(params[name])) === "one" ? one : other) : whole
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
const plurals: Record<Lang, Intl.PluralRules> = { vi: new Intl.PluralRules("vi"), en: new Intl.PluralRules("en") };

/** dd/mm/yyyy in Vietnamese, "12 Mar 2025" in English; dates are read in Vietnam's time zone. */
export function formatDate(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return "—";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "—";
  const options: Intl.DateTimeFormatOptions =
    lang === "vi"
      ? { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }
      : { day: "numeric", month: "short", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" };
  return new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", options).format(date);
}

/** The language of the current page, provided once in root.tsx. */
export const LangContext = createContext<Lang>(DEFAULT_LANG);

export function useLang(): Lang {
  return useContext(LangContext);
}

/** `const tr = useT(); tr("search.submit")` */
export function useT() {
  const lang = useLang();
  return (key: MessageKey, params?: MessageParams) => t(lang, key, params);
}
