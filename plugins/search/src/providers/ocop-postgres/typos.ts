/**
 * Typo correction against the index's lexicon ("<table>_lex", every folded word of the index,
 * pg_trgm): a word that is not in it gets up to four close words before matching, so the match
 * itself stays an index lookup (stock word_similarity over every row took ≈10 s a query at 100k
 * and still missed "nuoc mamm"). Answers are cached a minute per table and word.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { pgArray, type Executor } from "./sql"
import { correctableTerms, type TextQuery, type TypoAlternatives } from "./text-match"

export const MAX_TYPO_CANDIDATES = 4
export const DEFAULT_MIN_SIMILARITY = 0.4
const CACHE_MS = 60_000
const CACHE_MAX_ENTRIES = 5000

/** A lexicon word near a query word, with its trigram similarity. */
export type LexiconNeighbour = { cand: string; sim: number }
type TypoSettings = NonNullable<SearchTypes.SearchIndexSettings["typo_tolerance"]>

/**
 * The corrections of one word from its lexicon neighbours: none when the word itself is in the
 * lexicon; else the closest (similarity ≥ minSimilarity, length within 2), best first, at most 4.
 */
export function chooseCorrections(
  term: string,
  neighbours: LexiconNeighbour[],
  minSimilarity: number
): string[] | null {
  if (neighbours.some((c) => c.cand === term)) return null
  const candidates = neighbours
    .filter((c) => c.sim >= minSimilarity && Math.abs(c.cand.length - term.length) <= 2)
    .sort((a, b) => b.sim - a.sim)
    .slice(0, MAX_TYPO_CANDIDATES)
    .map((c) => c.cand)
  return candidates.length ? candidates : null
}

export class TypoCorrector {
  private cache = new Map<string, { at: number; candidates: string[] | null }>()

  constructor(
    private readonly manager: Executor,
    private readonly minSimilarity = DEFAULT_MIN_SIMILARITY
  ) {}

  /** Alternatives for the query's words, unless typo tolerance is off for the search or the index. */
  async correct(table: string, text: TextQuery, settings: TypoSettings | undefined, enabled: boolean) {
    if (!text.terms.length || !enabled || settings?.enabled === false) return new Map() as TypoAlternatives
    return await this.candidates(table, correctableTerms(text), settings?.min_word_size_for_one_typo ?? 4)
  }

  /** Alternatives for the words of at least minLength letters that are not in the lexicon. */
  async candidates(table: string, terms: string[], minLength: number): Promise<TypoAlternatives> {
    const out: TypoAlternatives = new Map()
    const now = Date.now()
    const lookup: string[] = []
    for (const term of terms) {
      if (term.length < minLength) continue
      const hit = this.cache.get(table + ":" + term)
      if (hit && now - hit.at < CACHE_MS) {
        if (hit.candidates) out.set(term, hit.candidates)
      } else lookup.push(term)
    }
    if (!lookup.length) return out
    const rows = await this.manager.execute(
      `SELECT q.term AS term, l.term AS cand, similarity(l.term, q.term) AS sim
         FROM unnest(?::text[]) AS q(term)
         JOIN LATERAL (SELECT term FROM "${table}_lex" WHERE term % q.term ORDER BY term <-> q.term LIMIT 8) l ON true`,
      [pgArray(lookup)]
    )
    const neighbours = new Map<string, LexiconNeighbour[]>()
    for (const r of rows)
      neighbours.set(r.term, [...(neighbours.get(r.term) ?? []), { cand: r.cand, sim: Number(r.sim) }])
    for (const term of lookup) {
      const candidates = chooseCorrections(term, neighbours.get(term) ?? [], this.minSimilarity)
      this.cache.set(table + ":" + term, { at: now, candidates })
      if (this.cache.size > CACHE_MAX_ENTRIES) this.cache.clear()
      if (candidates) out.set(term, candidates)
    }
    return out
  }
}
