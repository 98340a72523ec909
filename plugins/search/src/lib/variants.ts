/**
 * Spellings shoppers type for the catalogue's words that folding and typo correction cannot reach:
 * loanwords and English-keyboard forms ("cafe", "ca fe" → cà phê), run-together words ("caphe"),
 * shorthand ("nuoc mm", "nc mam" → nước mắm) and English names of OCOP staples ("fish sauce",
 * "honey", "tea"). Each rule maps folded words as typed to the folded words meant; a query word
 * span that matches a rule matches either (the words as typed stay an alternative, so a title
 * that really says "Cafe" still ranks). Provider-independent: the Postgres provider ORs the
 * alternatives into its tsquery; the Meilisearch settings turn them into synonyms.
 *
 * Keep rules specific: a generic word ("fish" → "ca") would drag in every "cà phê" (folded "ca").
 */
import { foldedTerms } from "./text"

const RULES: [typed: string, meant: string[]][] = [
  // cà phê
  ["cafe", ["ca phe"]],
  ["ca fe", ["ca phe"]],
  ["caphe", ["ca phe"]],
  ["cafe phin", ["ca phe phin"]],
  ["coffee", ["ca phe"]],
  ["coffe", ["ca phe"]],
  ["cofee", ["ca phe"]],
  ["kafe", ["ca phe"]],
  // nước mắm
  ["nuoc mm", ["nuoc mam"]],
  ["nc mam", ["nuoc mam"]],
  ["nc mm", ["nuoc mam"]],
  ["nuocmam", ["nuoc mam"]],
  ["fish sauce", ["nuoc mam"]],
  // trà / chè (the North says chè for tea)
  ["tea", ["tra", "che"]],
  ["green tea", ["tra xanh", "che xanh"]],
  // mật ong
  ["matong", ["mat ong"]],
  ["honey", ["mat ong"]],
  // other staples
  ["rice paper", ["banh trang"]],
  ["banhtrang", ["banh trang"]],
  ["rice", ["gao"]],
  ["bird nest", ["yen sao", "to yen"]],
  ["birds nest", ["yen sao", "to yen"]],
  ["birdnest", ["yen sao", "to yen"]],
  ["cashew", ["hat dieu", "dieu"]],
  ["cashews", ["hat dieu", "dieu"]],
  ["pepper", ["ho tieu", "tieu"]],
  ["ginseng", ["sam"]],
  ["mushroom", ["nam"]],
  ["mushrooms", ["nam"]],
  ["rice wine", ["ruou"]],
  ["coconut candy", ["keo dua"]],
  ["coconut", ["dua"]],
  ["cinnamon", ["que"]],
  ["seaweed", ["rong bien"]],
  ["dried shrimp", ["tom kho"]],
  ["shrimp paste", ["mam tom"]],
]

export type SpellingRule = { typed: string[]; meant: string[][] }

/** The rules as folded words, longest typed span first (so "rice paper" wins over "rice"). */
export const SPELLING_RULES: SpellingRule[] = RULES.map(([typed, meant]) => ({
  typed: foldedTerms(typed),
  meant: meant.map(foldedTerms),
})).sort((a, b) => b.typed.length - a.typed.length)

/** A span of query words [start, end) that a rule matched, with what those words may mean. */
export type VariantSpan = { start: number; end: number; meant: string[][] }

/** The non-overlapping rule spans of folded query words, left to right, longest rule first. */
export function findVariantSpans(terms: string[]): VariantSpan[] {
  const spans: VariantSpan[] = []
  let i = 0
  while (i < terms.length) {
    const rule = SPELLING_RULES.find(
      (r) => r.typed.length <= terms.length - i && r.typed.every((w, k) => terms[i + k] === w)
    )
    if (rule) {
      spans.push({ start: i, end: i + rule.typed.length, meant: rule.meant })
      i += rule.typed.length
    } else i++
  }
  return spans
}

/** Synonym groups for engines that take them (Meilisearch): typed phrase → meant phrases. */
export function synonymPhrases(): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const r of SPELLING_RULES) out[r.typed.join(" ")] = r.meant.map((m) => m.join(" "))
  return out
}
