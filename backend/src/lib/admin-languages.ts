/**
 * The dashboard's languages kept in the admin build. Medusa's dashboard puts the translations of
 * all its 35 languages (≈ 6 MB of object literals) and 35 date-fns locales into its one entry
 * chunk, which every page load parses and runs before its first API call. The marketplace's own
 * admin screens (plugins/ocop) speak Vietnamese and English only, so the build keeps those
 * (OCOP_ADMIN_LANGUAGES, comma-separated dashboard codes, e.g. "vi,en,enGB"; English is always
 * kept: it is the dashboard's fallback). A browser asking for another language gets English,
 * and the profile's language menu offers the kept ones only.
 */
export function adminLanguages(env: NodeJS.ProcessEnv = process.env) {
  const codes = (env.OCOP_ADMIN_LANGUAGES || "vi,en")
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean)
  return [...new Set([...codes, "en"])]
}

const TRANSLATIONS = /var (\w+) = \{\n((?: {2}\w+: \{\n {4}translation: \w+\n {2}\},?\n)+)\};/
const TRANSLATION_ENTRY = / {2}(\w+): \{\n {4}translation: (\w+)\n {2}\}/g
const LANGUAGES = /var languages = \[\n((?: {2}\{\n[\s\S]*?\n {2}\},?\n)+)\];/
const LANGUAGE_ENTRY = / {2}\{\n {4}code: "(\w+)",[\s\S]*?\n {2}\}/g

/**
 * Rewrites the dashboard's prebuilt modules (`@medusajs/dashboard/dist`): the translations map
 * and the language list keep the kept codes only; the rest is then unused and left out of the
 * bundle by the bundler. Returns undefined when `code` holds neither (other modules), and throws
 * when a module that should hold one no longer matches (a Medusa upgrade changed its shape).
 */
export function keepAdminLanguages(code: string, keep: string[]) {
  let changed = false
  let out = code
  if (code.includes("// src/i18n/translations/index.ts")) {
    const m = out.match(TRANSLATIONS)
    if (!m) throw new Error("admin languages: the dashboard's translations map has an unknown shape")
    const entries = [...m[2].matchAll(TRANSLATION_ENTRY)].filter((e) => keep.includes(e[1])).map((e) => e[0])
    out = out.replace(m[0], `var ${m[1]} = {\n${entries.join(",\n")}\n};`)
    changed = true
  }
  if (code.includes("// src/i18n/languages.ts")) {
    const m = out.match(LANGUAGES)
    if (!m) throw new Error("admin languages: the dashboard's language list has an unknown shape")
    const entries = [...m[1].matchAll(LANGUAGE_ENTRY)].filter((e) => keep.includes(e[1])).map((e) => e[0])
    out = out.replace(m[0], `var languages = [\n${entries.join(",\n")}\n];`)
    changed = true
  }
  return changed ? out : undefined
}

/** Vite plugin for `admin.vite` in medusa-config.ts (build only; the dev server keeps all). */
export function keepAdminLanguagesPlugin(keep = adminLanguages()) {
  return {
    name: "ocop-keep-admin-languages",
    apply: "build" as const,
    enforce: "pre" as const,
    transform(code: string, id: string) {
      if (!/@medusajs[\\/]dashboard[\\/]dist[\\/].*\.mjs$/.test(id)) return undefined
      const out = keepAdminLanguages(code, keep)
      return out === undefined ? undefined : { code: out, map: null }
    },
  }
}
