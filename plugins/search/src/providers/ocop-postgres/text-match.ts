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

/** The tsquery of the words, with each word's typo alternatives and each span's spelling variants. */
export function textTsQuery(text: TextQuery, typos: TypoAlternatives = new Map(), variants = true): string {
  const { terms, last, any } = text
  const word = (t: string, i: number) => {
    if (last && i === terms.length - 1) return `${t}:*`
    const alts = typos.get(t)
    return alts ? `(${[t, ...alts].join(" | ")})` : t
  }
  const parts: string[] = []
  for (let i = 0; i < terms.length; ) {
    const span = variants ? text.variants.find((v) => v.start === i) : undefined
    if (!span) {
      parts.push(word(terms[i], i))
      i++
      continue
    }
    const typed = terms.slice(span.start, span.end).map((t, k) => word(t, span.start + k))
    const alternatives = [typed, ...span.meant].map((words) => (words.length > 1 ? `(${words.join(" & ")})` : words[0]))
    parts.push(`(${alternatives.join(" | ")})`)
    i = span.end
  }
  return parts.join(any ? " | " : " & ")
}

/**
 * The WHERE test and the score of the match set. Without words every row matches with score 0.
 * With corrected typos, rows that match the words as typed score 1 more; each exact-accent key of
 * the query found in a row's accent keys scores 0.5.
 */
export function compileTextMatch(text: TextQuery, typos: TypoAlternatives): TextMatch {
  const out: TextMatch = { matchSql: "TRUE", matchParams: [], scoreSql: "0", scoreParams: [] }
  if (!text.terms.length) return out
  const tsq = textTsQuery(text, typos)
  out.matchSql = `"tsv" @@ to_tsquery('simple', ?)`
  out.matchParams.push(tsq)
  const scoreParts = [`ts_rank("tsv", to_tsquery('simple', ?), 1)`]
  out.scoreParams.push(tsq)
  if (typos.size) {
    // the words as typed (their spelling variants included) beat close words
    scoreParts.push(`(CASE WHEN "tsv" @@ to_tsquery('simple', ?) THEN 1 ELSE 0 END)`)
    out.scoreParams.push(textTsQuery(text))
  }
  for (const key of queryAccentTerms(text.q)) {
    scoreParts.push(`(CASE WHEN strpos("accent", ?) > 0 THEN 0.5 ELSE 0 END)`)
    out.scoreParams.push(` ${key} `)
  }
  out.scoreSql = scoreParts.join(" + ")
  return out
}
