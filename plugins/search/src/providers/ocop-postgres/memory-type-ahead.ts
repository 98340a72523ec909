/**
 * Type-ahead answers of the in-process index (./memory-index), kept across writes: a type-ahead
 * search (./memory-search's page) keeps SPARE more slots than its page, with their scores. After
 * writes the answer is brought up to date instead of dropped: slots killed since (the index's kill
 * log) leave the list, slots written since (their words are recorded) are matched and scored one
 * by one and offered. A document's score depends on that document and the query only (ts_rank has
 * no corpus statistics), so the list stays the best of the live matches; once kills leave it
 * shorter than the page (and it did not hold every match) it is computed again.
 */
import type { MemoryIndex } from "./memory-index"
import { pageCompare, TopSlots } from "./memory-order"
import type { MemoryOrderKey } from "./memory-plan"
import { SlotScorer } from "./memory-scoring"
import { writtenNameScore } from "./memory-name-rank"
import { foldText, wordOfAccentKey } from "../../lib/text"
import type { TsNode } from "./ts-rank"

/** A kept answer holds this many slots beyond its page: kills of page slots are absorbed. */
const SPARE = 8
/** Kept answers per index (the warm-up fills at most half). */
export const MAX_ANSWERS = 8192
/** More writes than this since an answer was kept: computed again (cheaper than catching up). */
const CATCH_UP_LIMIT = 4096

export type TypeAheadQuery = {
  query: TsNode
  typed?: TsNode
  /** The query's exact-accent keys the index holds. */
  accentKeys: string[]
  order: MemoryOrderKey[]
  take: number
  skip: number
  /** Ranked by the name (./memory-name-rank): what a name holding every word scores. */
  nameWeight?: number
  /** Ranked by the name: the operands of the words in a row. */
  phrase?: TsNode[]
}
export type TypeAheadPage = { id: string; score: number }[]

type Entry = {
  q: TypeAheadQuery
  /** Best slots first (skip + take + SPARE at most), with their scores. */
  slots: number[]
  scores: number[]
  /** The list holds every match (fewer than asked for). */
  complete: boolean
  /** Whether writes may be caught up (no filters: a new slot's match is its words alone). */
  followsWrites: boolean
  version: number
  covered: number
  killsSeen: number
}

/** What a write leaves for the kept answers: the slots killed, in order, and the words of new slots. */
/** A written slot's lexemes, and its name's (weight A) in position order. */
export type WrittenWords = { words: string[]; names: { word: string; pos: number }[] }

export class WriteTrail {
  killed: number[] = []
  /** The lexemes of the slots written since `from` (whether a kept answer matches them; undefined: not recording). */
  words = new Map<number, WrittenWords>()
  from: number | undefined
}

export class KeptTypeAhead {
  private readonly entries = new Map<string, Entry>()
  /** Asks answered as kept, answered after catching up with writes, and kept answers dropped (bench). */
  readonly counts = { kept: 0, caughtUp: 0, dropped: 0 }
  constructor(private readonly index: MemoryIndex) {}

  /** The page of a kept answer, caught up with the writes since, or undefined (compute and keep). */
  get(key: string): TypeAheadPage | undefined {
    const e = this.entries.get(key)
    if (!e) return undefined
    const index = this.index
    if (e.version === index.version) this.counts.kept++
    else if (this.catchUp(e)) this.counts.caughtUp++
    else {
      this.counts.dropped++
      this.entries.delete(key)
      return undefined
    }
    const page: TypeAheadPage = []
    for (let x = e.q.skip; x < Math.min(e.slots.length, e.q.skip + e.q.take); x++)
      page.push({ id: index.ids[e.slots[x]], score: e.scores[x] })
    return page
  }

  /**
   * Keeps an answer computed at the index's current version: `deep` = the best skip + take + SPARE
   * (`depth`) slots in page order with their scores.
   */
  keep(key: string, q: TypeAheadQuery, deep: { slot: number; score: number }[], followsWrites: boolean) {
    const index = this.index
    const trail = index.trail
    trail.from ??= index.slots
    this.entries.delete(key)
    this.entries.set(key, {
      q,
      slots: deep.map((d) => d.slot),
      scores: deep.map((d) => d.score),
      complete: deep.length < depth(q),
      followsWrites,
      version: index.version,
      covered: index.slots,
      killsSeen: trail.killed.length,
    })
    if (this.entries.size > MAX_ANSWERS) this.entries.delete(this.entries.keys().next().value!)
  }

  private catchUp(e: Entry): boolean {
    const index = this.index
    const trail = index.trail
    if (!e.followsWrites || trail.from === undefined || e.covered < trail.from) return false
    if (index.slots - e.covered + trail.killed.length - e.killsSeen > CATCH_UP_LIMIT) return false
    const killed = new Set(trail.killed.slice(e.killsSeen))
    const scores = index.scores()
    const candidates: number[] = []
    e.slots.forEach((slot, x) => {
      if (killed.has(slot)) return
      candidates.push(slot)
      scores[slot] = e.scores[x]
    })
    if (candidates.length < e.q.skip + e.q.take && !e.complete) return false
    const fresh: number[] = []
    let scorer: { score: (slot: number) => number } | undefined
    for (let slot = e.covered; slot < index.slots; slot++) {
      if (!(index.alive[slot >> 5] & (1 << (slot & 31)))) continue
      const recorded = trail.words.get(slot)
      if (!recorded) return false
      if (!matchesWords(e.q.query, recorded.words)) continue
      // new slots come in ascending order: the scorer's cursors seek forward from one to the next
      const nameWeight = e.q.nameWeight
      if (!scorer && nameWeight !== undefined) {
        const q = { ...e.q, nameWeight }
        scorer = { score: (s: number) => writtenNameScore(index, q, s, trail.words.get(s)!) }
      }
      scorer ??= new SlotScorer(index, e.q)
      scores[slot] = scorer.score(slot)
      fresh.push(slot)
    }
    if (fresh.length) {
      const top = new TopSlots(depth(e.q), pageCompare(index, e.q.order, scores))
      for (const slot of candidates) top.offer(slot)
      for (const slot of fresh) top.offer(slot)
      let kept = top.sorted()
      const listed = new Set(candidates)
      let stayed = 0
      let last = -1
      kept.forEach((slot, x) => {
        if (!listed.has(slot)) return
        stayed++
        last = x
      })
      // an incomplete list knows nothing below its last slot: a new slot ranked after every kept
      // one may lose to a match the list never held (unless a kept one was pushed out)
      if (!e.complete && stayed === candidates.length) kept = kept.slice(0, last + 1)
      if (candidates.length + fresh.length > depth(e.q)) e.complete = false
      if (kept.length < e.q.skip + e.q.take && !e.complete) return false
      e.slots = [...kept]
    } else e.slots = candidates
    e.scores = e.slots.map((slot) => scores[slot])
    e.version = index.version
    e.covered = index.slots
    e.killsSeen = trail.killed.length
    return true
  }
}

/** A prefix whose words hold at least this many postings costs a few ms and more to answer cold. */
export const BROAD_POSTINGS = 16_384

/**
 * What the type-ahead warm-up computes besides the two-letter starts (service warmTypeAhead): the
 * longer starts of words ("nuoc", "qua") and the accented words ("nước", "cà": an exact-accent key
 * makes a different answer than its folded start) whose words hold BROAD_POSTINGS postings or more
 * — the ones that took 20–50 ms on a first ask at 1M documents — broadest first, at most `limit`.
 */
export function broadTypeAhead(index: MemoryIndex, limit: number, minPostings = BROAD_POSTINGS): string[] {
  const postings = new Map<string, number>()
  for (const [word, p] of index.terms)
    for (let k = 2; k <= word.length; k++)
      postings.set(word.slice(0, k), (postings.get(word.slice(0, k)) ?? 0) + p.size)
  const broad: { q: string; n: number }[] = []
  for (const [prefix, n] of postings) if (prefix.length > 2 && n >= minPostings) broad.push({ q: prefix, n })
  for (const key of index.accents.keys()) {
    const word = wordOfAccentKey(key)
    const n = word ? (postings.get(foldText(word)) ?? 0) : 0
    if (word && n >= minPostings) broad.push({ q: word, n })
  }
  return broad
    .sort((a, b) => b.n - a.n)
    .slice(0, limit)
    .map((b) => b.q)
}

/**
 * Type-ahead asks of three and four words that names hold in a row ("nuoc mam p", "nuoc mam phu
 * qu"): the name words with the most entries, each followed by its most frequent next words, the
 * last one begun. The warm-up asks them so that V8 has compiled every branch of the phrase's
 * word-to-word path (MemoryIndex phraseBits, chainsInRow, NamePostings.seek) before a shopper
 * needs it: with four such asks, the first "nước mắm p" at 1M documents still ran 19–30 ms while
 * V8 compiled again a branch that no warm-up ask had taken.
 */
export function namePhrases(index: MemoryIndex, limit: number): string[] {
  const mostNext = (word: string | undefined) => {
    const n = word === undefined ? undefined : index.names.get(word)
    if (!n) return undefined
    const counts = new Map<number, number>()
    for (let j = 0; j < Math.min(n.next.n, 4096); j++)
      if (n.next.a[j] >= 0) counts.set(n.next.a[j], (counts.get(n.next.a[j]) ?? 0) + 1)
    const best = [...counts].sort((a, b) => b[1] - a[1])[0]
    return best && index.lexemeWord(best[0])
  }
  const out: string[] = []
  const words = [...index.names].sort((a, b) => b[1].slots.n - a[1].slots.n).map(([w]) => w)
  for (const first of words) {
    if (out.length >= limit) break
    const second = mostNext(first)
    const third = mostNext(second)
    const fourth = mostNext(third)
    if (third) out.push(`${first} ${second} ${third[0]}`)
    if (fourth) out.push(`${first} ${second} ${third} ${fourth.slice(0, 2)}`)
  }
  return out.slice(0, limit)
}

/** How many slots a kept answer holds (its page and SPARE more). */
export const depth = (q: { skip: number; take: number }) => q.skip + q.take + SPARE

/** Whether a document with these lexemes matches the tsquery (the index's evaluate for one slot). */
export function matchesWords(node: TsNode, words: string[]): boolean {
  if ("term" in node) return node.prefix ? words.some((w) => w.startsWith(node.term)) : words.includes(node.term)
  return node.op === "and"
    ? node.kids.every((k) => matchesWords(k, words))
    : node.kids.some((k) => matchesWords(k, words))
}
