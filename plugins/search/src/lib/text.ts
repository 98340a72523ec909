/**
 * Vietnamese text handling for search: query normalisation, folding (đ→d explicitly),
 * a tone-placement-independent "accent key" used to rank exact-accent matches first,
 * and highlighting. Pure functions, shared by every provider.
 */
import { foldVietnamese } from "@ocop-marketplace/ocop/lib/vietnamese"

export const MAX_QUERY_LENGTH = 200

// Tone marks (combining): grave, acute, hook above, tilde, dot below. Shape marks
// (circumflex U+0302, breve U+0306, horn U+031B) are part of the vowel, not the tone.
const TONES: Record<string, string> = { "\u0300": "2", "\u0301": "1", "\u0309": "3", "\u0303": "4", "\u0323": "5" }
const TONE_RE = /[\u0300\u0301\u0309\u0303\u0323]/g

/** NFC, trimmed, single-spaced, control characters removed, capped. */
export function normalizeQuery(input: string | undefined | null): string {
  if (!input) return ""
  return input
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
}

/** Lower-case, folded words ("Đặc sản Hoà Bình" → ["dac","san","hoa","binh"]). */
export function foldedTerms(text: string): string[] {
  return foldVietnamese(text.normalize("NFC"))
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/** Folded, lower-cased, words joined by one space. */
export function foldText(text: string | null | undefined): string {
  return text ? foldedTerms(text).join(" ") : ""
}

/**
 * The accent key of one word: lower-case, tone mark removed from wherever it sits and
 * appended as a digit, shape marks and đ kept. "Hòa" and "Hoà" both give "hòa"→"hoa2";
 * "lọc" gives "loc5" and "lóc" "loc1", so they differ where folding merges them.
 */
export function accentKey(word: string): string {
  const decomposed = word.normalize("NFC").toLowerCase().normalize("NFD")
  let tone = ""
  const bare = decomposed.replace(TONE_RE, (mark) => {
    tone = TONES[mark] ?? ""
    return ""
  })
  return bare.normalize("NFC") + tone
}

const TONE_MARKS = Object.fromEntries(Object.entries(TONES).map(([mark, digit]) => [digit, mark]))

/**
 * A word whose accent key is `key` ("ca2" → "cà", "nươc1" → "nước"): the tone mark goes on the last
 * vowel (its placement does not change the key). Undefined when no such word carries a diacritic.
 */
export function wordOfAccentKey(key: string): string | undefined {
  const [, bare, digit] = /^(.*?)([1-5]?)$/u.exec(key.normalize("NFC"))!
  let word = bare
  if (digit) {
    const letters = bare.normalize("NFD")
    let at = -1
    for (let k = 0; k < letters.length; k++) if ("aeiouy".includes(letters[k])) at = k
    if (at < 0) return undefined
    at++
    while (at < letters.length && /\p{M}/u.test(letters[at])) at++
    word = (letters.slice(0, at) + TONE_MARKS[digit] + letters.slice(at)).normalize("NFC")
  }
  return hasDiacritics(word) && accentKey(word) === key ? word : undefined
}

/** Accent keys of every word of a text. */
export function accentTerms(text: string | null | undefined): string[] {
  if (!text) return []
  return text
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(accentKey)
}

/** Whether a word carries any Vietnamese diacritic (tone, shape mark or đ). */
export function hasDiacritics(word: string): boolean {
  return foldVietnamese(word) !== word
}

/** The accent keys worth boosting for a query: only words typed with diacritics. */
export function queryAccentTerms(q: string): string[] {
  return q
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && hasDiacritics(w))
    .map(accentKey)
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)
}

/**
 * Wraps the words of `text` whose folded form equals (or, for `prefixLast`, starts with)
 * one of the folded `terms` in tags. The text is HTML-escaped; display accents are kept.
 */
export function highlight(
  text: string,
  terms: string[],
  opts: { pre?: string; post?: string; prefixes?: string[] } = {}
): string {
  const pre = opts.pre ?? "<mark>"
  const post = opts.post ?? "</mark>"
  const set = new Set(terms)
  const prefixes = opts.prefixes ?? []
  const parts = text.normalize("NFC").split(/([\p{L}\p{N}]+)/u)
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return escapeHtml(part)
      const key = foldText(part)
      const hit = set.has(key) || prefixes.some((p) => p && key.startsWith(p))
      return hit ? `${pre}${escapeHtml(part)}${post}` : escapeHtml(part)
    })
    .join("")
}

// Folded Vietnamese syllables: onset, vowel cluster, final consonant. Letters only, lower case.
const ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?"
const VOWEL_CLUSTERS = [
  ...["uye", "uya", "uyu", "uoi", "uou", "uay", "uau", "oai", "oay", "oeo", "ieu", "yeu"],
  ...["ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu", "oa", "oe", "oi", "oo", "ua", "ue", "ui", "uo", "uu", "uy"],
  ...["ya", "ye", "a", "e", "i", "o", "u", "y"],
]
const VOWELS = `(?:${VOWEL_CLUSTERS.join("|")})`
const CODA = "(?:ng|nh|ch|c|m|n|p|t)?"
const SYLLABLE_RE = new RegExp(`^${ONSET}${VOWELS}${CODA}$`)

/**
 * Whether a folded word is a well-formed Vietnamese syllable ("banh", "trang", "nuoc"). Typo
 * correction leaves such words alone: a real word the catalogue lacks ("bánh") is not a misspelling
 * of a close one ("ban"), while "mamm", "phee" or "ongg" can only be typos.
 */
export function isVietnameseSyllable(folded: string): boolean {
  return SYLLABLE_RE.test(folded)
}
