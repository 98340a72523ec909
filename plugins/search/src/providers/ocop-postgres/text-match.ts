/**
 * Free text → the match test and the score of the match set. Words are folded in JS (đ→d, every
 * tone placement) and matched against the 'simple' tsvector, so the match is a GIN lookup; typo
 * alternatives (./typos) join a word as an OR; exact-accent matches score higher through the
 * accent-key column.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { foldedTerms, queryAccentTerms } from "../../lib/text"
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
  return { q, terms, last: strategy === "last", any: strategy === "any" }
}

/** The words typo correction may replace: a prefix-matched last word is left alone. */
export function correctableTerms(text: TextQuery): string[] {
  return text.last ? text.terms.slice(0, -1) : text.terms
}

/** The tsquery of the words, with each word's typo alternatives when given. */
export function textTsQuery(text: TextQuery, typos: TypoAlternatives = new Map()): string {
  const { terms, last, any } = text
  return terms
    .map((t, i) => {
      if (last && i === terms.length - 1) return `${t}:*`
      const alts = typos.get(t)
      return alts ? `(${[t, ...alts].join(" | ")})` : t
    })
    .join(any ? " | " : " & ")
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
