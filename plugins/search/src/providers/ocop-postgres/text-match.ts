/**
 * Free text → the match test and the score of the match set. Words are folded in JS (đ→d, every
 * tone placement) and matched against the 'simple' tsvector, so the match is a GIN lookup; typo
 * alternatives (./typos) join a word as an OR; exact-accent matches score higher through the
 * accent-key column.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { foldedTerms, isVietnameseSyllable, queryAccentTerms } from "../../lib/text"
import { findVariantSpans, type VariantSpan } from "../../lib/variants"
import { tsTerm } from "./sql"

export type TextQuery = {
  /** The query as typed: NFC, trimmed. */
  q: string
  /** Folded words, only letters and digits. */
  terms: string[]
  /** match_strategy "last": the last word is a prefix (type-ahead). */
  last: boolean
  /** match_strategy "any": any word matches instead of all. */
  any: boolean
  /** Word spans with spelling variants (../../lib/variants): "cafe" also means "ca phe". */
  variants: VariantSpan[]
}

/** Alternatives per folded word, from typo correction. */
export type TypoAlternatives = Map<string, string[]>

export type TextMatch = {
  matchSql: string
  matchParams: unknown[]
  scoreSql: string
  scoreParams: unknown[]
}

export function parseTextQuery(raw: string | undefined, strategy?: SearchTypes.SearchMatchStrategy): TextQuery {
  const q = (raw ?? "").normalize("NFC").trim()
  const terms = q ? foldedTerms(q).map(tsTerm).filter(Boolean) : []
  return { q, terms, last: strategy === "last", any: strategy === "any", variants: findVariantSpans(terms) }
}

/**
 * The words typo correction may replace: a prefix-matched last word is left alone, and so are
 * words a spelling variant already explains ("cafe" is not a typo of some other word) and
 * well-formed Vietnamese syllables ("bánh" the catalogue lacks is not a typo of "bàn").
 */
export function correctableTerms(text: TextQuery): string[] {
  const covered = new Set(text.variants.flatMap((v) => text.terms.slice(v.start, v.end).map((_, k) => v.start + k)))
  const upTo = text.last ? text.terms.length - 1 : text.terms.length
  return text.terms.slice(0, upTo).filter((t, i) => !covered.has(i) && !isVietnameseSyllable(t))
}

/** The folded words the variants of a query stand for (for highlighting). */
export function variantTerms(text: TextQuery): string[] {
  return text.variants.flatMap((v) => v.meant.flat())
}

/**
 * The tsquery of the words, with each word's typo alternatives and each span's spelling variants.
 * `names`: every term labelled with weight A, so only the product's name matches it; `phrase`: the
 * words in a row (`<->`; only for a phraseable query).
 */
export function textTsQuery(
  text: TextQuery,
  typos: TypoAlternatives = new Map(),
  { names = false, phrase = false } = {}
): string {
  const { terms, last, any } = text
  const label = names ? "A" : ""
  const word = (t: string, i: number) => {
    if (last && i === terms.length - 1) return `${t}:*${label}`
    const alts = typos.get(t)
    const labelled = (w: string) => (names ? `${w}:A` : w)
    return alts ? `(${[t, ...alts].map(labelled).join(" | ")})` : labelled(t)
  }
  const parts: string[] = []
  for (let i = 0; i < terms.length; ) {
    const span = text.variants.find((v) => v.start === i)
    if (!span) {
      parts.push(word(terms[i], i))
      i++
      continue
    }
    const typed = terms.slice(span.start, span.end).map((t, k) => word(t, span.start + k))
    const meant = span.meant.map((words) => (names ? words.map((w) => `${w}:A`) : words))
    const alternatives = [typed, ...meant].map((words) => (words.length > 1 ? `(${words.join(" & ")})` : words[0]))
    parts.push(`(${alternatives.join(" | ")})`)
    i = span.end
  }
  return parts.join(phrase ? " <-> " : any ? " | " : " & ")
}

/**
 * Whether a type-ahead ranked by the name also weighs its words as a phrase of the name: two
 * words or more, all required, no spelling variant (a variant's words inside `<->` would mean
 * something else than in the match).
 */
export function phraseable(text: TextQuery): boolean {
  return text.terms.length > 1 && !text.any && !text.variants.length
}

/**
 * What a search's score ranks by: `ts_rank` of the whole document (searches), or the product's name
 * (a type-ahead: the provider option `rank: "name"`): whether every word is in the name.
 */
export type TextRank = "ts_rank" | "name"

/**
 * A type-ahead ranked by the name scores this (U) for a name holding every word, and as much again
 * when it holds them as a phrase (phraseable): more than its accent keys together (0.5 each), so a
 * phrase in the name comes first, then the other name matches, whatever their accents. The words as
 * typed (when a typo was corrected) score 3U, more than all of that: a typo's guess in a name never
 * outranks the words as typed elsewhere ("dak l": Đắk Lắk before the "Đức" that "dak" was taken for).
 */
export function nameWeight(text: TextQuery): number {
  return 1 + 0.5 * queryAccentTerms(text.q).length
}

/**
 * The WHERE test and the score of the match set. Without words every row matches with score 0.
 * The score is ts_rank, or for `rank` "name" nameWeight when the name holds every word and as much
 * again when it holds them as a phrase.
 * With corrected typos, rows that match the words as typed score 1 more; each exact-accent key of
 * the query found in a row's accent keys scores 0.5.
 */
export function compileTextMatch(text: TextQuery, typos: TypoAlternatives, rank: TextRank = "ts_rank"): TextMatch {
  const out: TextMatch = { matchSql: "TRUE", matchParams: [], scoreSql: "0", scoreParams: [] }
  if (!text.terms.length) return out
  const tsq = textTsQuery(text, typos)
  out.matchSql = `"tsv" @@ to_tsquery('simple', ?)`
  out.matchParams.push(tsq)
  const scoreParts: string[] = []
  if (rank === "name") {
    const weight = nameWeight(text)
    scoreParts.push(`(CASE WHEN "tsv" @@ to_tsquery('simple', ?) THEN ${weight} ELSE 0 END)`)
    out.scoreParams.push(textTsQuery(text, typos, { names: true }))
    if (phraseable(text)) {
      scoreParts.push(`(CASE WHEN "tsv" @@ to_tsquery('simple', ?) THEN ${weight} ELSE 0 END)`)
      out.scoreParams.push(textTsQuery(text, typos, { names: true, phrase: true }))
    }
  } else {
    scoreParts.push(`ts_rank("tsv", to_tsquery('simple', ?), 1)`)
    out.scoreParams.push(tsq)
  }
  if (typos.size) {
    // the words as typed (their spelling variants included) beat close words
    scoreParts.push(
      `(CASE WHEN "tsv" @@ to_tsquery('simple', ?) THEN ${rank === "name" ? 3 * nameWeight(text) : 1} ELSE 0 END)`
    )
    out.scoreParams.push(textTsQuery(text))
  }
  for (const key of queryAccentTerms(text.q)) {
    scoreParts.push(`(CASE WHEN strpos("accent", ?) > 0 THEN 0.5 ELSE 0 END)`)
    out.scoreParams.push(` ${key} `)
  }
  // a name rank is a sum of whole and half numbers: float8 like the in-process index's scores
  out.scoreSql = rank === "name" ? `(${scoreParts.join(" + ")})::float8` : scoreParts.join(" + ")
  return out
}
