/**
 * The score of each hit of an in-process text search (./memory-search), as compileTextMatch
 * computes it: ts_rank (./ts-rank, float4 steps included) + 1 for the words as typed when typos
 * were corrected + 0.5 per exact-accent key. Documents are scored in ascending slot order.
 */
import type { MemoryIndex } from "./memory-index"
import type { Postings } from "./memory-storage"
import { RankEntries, queryOperands, rankAndOneEach, rankedAsAnd, rankOverLength, type TsNode } from "./ts-rank"
import { tsRankFlat } from "./ts-rank"

/** What SlotScorer reads of a search. */
export type ScoredQuery = {
  query: TsNode | undefined
  typed?: TsNode
  accentKeys: string[]
}

/**
 * Which scoring path runs; tests set gather to "always" to prove it scores like cursor merging, and
 * oneEach to false to prove scoreOneEach scores like the general path.
 */
export const scoringPaths: { gather: "auto" | "always"; oneEach: boolean } = { gather: "auto", oneEach: true }

/** Scores documents in ascending slot order, walking each operand's postings once. */
export class SlotScorer {
  private lists: {
    postings: Postings
    slots: Int32Array
    n: number
    off: Int32Array
    pos: Uint16Array
    /** score()'s cursor */
    k: number
  }[][]
  private entries = new RankEntries()
  private readonly andRank: boolean
  private readonly operands: number
  private typed?: Uint32Array
  private accents: (Uint32Array | undefined)[]
  /** calc_rank_or's sum per slot, when computed term-at-a-time (see sumOrTermAtATime). */
  private orSums?: Float32Array
  /**
   * An AND rank whose every operand after the first stands for one lexeme at most (the first may
   * stand for many when firstOperandLast finds its one per slot): scoreOneEach applies.
   */
  private readonly oneAfterFirst: boolean
  /** scoreOneEach's entries of one slot, one per operand present. */
  private readonly one: { pos: Uint16Array[]; from: Int32Array; to: Int32Array }

  constructor(
    private readonly index: MemoryIndex,
    input: ScoredQuery
  ) {
    const operands = input.query ? queryOperands(input.query) : []
    this.operands = operands.length
    this.andRank = !!input.query && rankedAsAnd(input.query)
    this.lists = operands.map((o) =>
      index.lexemes(o.term, o.prefix).map((word) => {
        const p = index.terms.get(word)!
        return { postings: p, slots: p.slots.a, n: p.slots.n, off: p.off.a, pos: p.pos.a, k: 0 }
      })
    )
    this.typed = input.typed ? index.match(input.typed) : undefined
    this.accents = input.accentKeys.map((k) => index.accentBits(k))
    this.oneAfterFirst =
      scoringPaths.oneEach &&
      this.andRank &&
      this.operands >= 2 &&
      this.lists.every((l, op) => op === 0 || l.length <= 1)
    this.one = { pos: [], from: new Int32Array(this.operands), to: new Int32Array(this.operands) }
  }

  /**
   * An OR-ranked query (one word, a prefix standing for many words, a top-level OR) sums one
   * share per matching lexeme entry, in operand then lexeme order, rounding to float4 at each
   * step. Walking each lexeme's postings once and adding its share into a float4 per slot gives
   * the same sums in that same order, without merging every lexeme's cursor for every matched
   * slot — which is what a short type-ahead prefix (hundreds of lexemes, most documents) costs.
   * Worth it when the postings are not much longer than the match set.
   */
  sumOrTermAtATime(matchedCount: number) {
    if (this.andRank && this.operands >= 2) return
    let postings = 0
    for (const lexemes of this.lists) for (const l of lexemes) postings += l.n
    if (postings > 4 * matchedCount + 1024) return
    const sums = orScratch(this.index.slots)
    let most = 0
    for (const lexemes of this.lists) {
      for (const l of lexemes) {
        const weights = l.postings.orWeights()
        for (let k = 0; k < l.n; k++) {
          const slot = l.slots[k]
          const sum = Math.fround(sums[slot] + weights[k] / 1.64493406685)
          sums[slot] = sum
          if (sum > most) most = sum
        }
      }
    }
    this.orSums = sums
    // shares are never negative, so the largest sum once every lexeme is added caps every slot's
    this.beforeLength = this.operands ? Math.fround(most / this.operands) : 0
  }

  /**
   * Otherwise (an AND-ranked query, or an OR one whose postings are long): each matched slot's
   * lexeme entries, in operand then lexeme order — what merging every lexeme's cursor per slot
   * finds — gathered walking each lexeme's postings twice (count, then place). Worth it when the
   * words stand for many lexemes: a type-ahead prefix like "nuoc m" merges hundreds per slot.
   */
  gatherTermAtATime(matched: Uint32Array, matchedCount: number) {
    if (this.orSums) return
    // one lexeme per operand: each cursor finds a slot's one entry (scoreOneEach)
    if (this.oneAfterFirst && this.lists[0].length <= 1 && scoringPaths.gather === "auto") return
    const firstLast = this.andRank && this.operands >= 2 && this.lists[0].length > 1
    if (firstLast && scoringPaths.gather === "auto" && this.firstOperandLast(matched, matchedCount)) return
    const flat: { slots: Int32Array; n: number; off: Int32Array; pos: Uint16Array; op: number }[] = []
    this.lists.forEach((lexemes, op) => {
      for (const l of lexemes) flat.push({ ...l, op })
    })
    let postings = 0
    for (const l of flat) postings += l.n
    const slots = this.index.slots
    if (scoringPaths.gather === "auto" && flat.length * matchedCount <= 2 * postings + slots) return
    const { start, fill } = gatherScratch(slots + 1)
    for (const l of flat) {
      for (let k = 0; k < l.n; k++) {
        const slot = l.slots[k]
        if (matched[slot >> 5] & (1 << (slot & 31))) start[slot + 1]++
      }
    }
    for (let x = 0; x < slots; x++) start[x + 1] += start[x]
    fill.set(start.subarray(0, slots + 1))
    const total = start[slots]
    const list = new Int32Array(total)
    const at = new Int32Array(total)
    flat.forEach((l, f) => {
      for (let k = 0; k < l.n; k++) {
        const slot = l.slots[k]
        if (matched[slot >> 5] & (1 << (slot & 31))) {
          const x = fill[slot]++
          list[x] = f
          at[x] = k
        }
      }
    })
    this.gathered = { flat, start, list, at }
  }
  /**
   * calc_rank_and pairs each entry of an operand with the last entry of each earlier operand only
   * (tsrank.c keeps one pos[k] per operand), so the first operand in byte order counts through the
   * last of its lexemes a document holds, and through nothing else. A type-ahead's short last word
   * sorts first ("c" in "cam c", "m" in "nuoc m") and stands for most lexemes and documents: per
   * matched slot only that one lexeme is found — the operand's lexemes from the last, each merged
   * with (or, when much longer, searched for) the slots not yet assigned, stopping once every slot
   * has one — instead of merging every lexeme's cursor per slot or gathering them all (the 1M
   * suggest tail, bench/RESULTS.md). False when a filter leaves few slots to score (cursors win).
   */
  private firstOperandLast(matched: Uint32Array, scored: number): boolean {
    const slots = this.index.slots
    if (firstLastLexeme.length < slots) {
      firstLastLexeme = new Int32Array(Math.ceil(slots * 1.25))
      firstLastAt = new Int32Array(firstLastLexeme.length)
      firstLastRest = new Int32Array(firstLastLexeme.length)
    }
    const rest = firstLastRest
    let n = 0
    for (let w = 0; w < matched.length; w++) {
      let word = matched[w]
      while (word) {
        const bit = word & -word
        word ^= bit
        rest[n++] = (w << 5) | (31 - Math.clz32(bit))
      }
    }
    if (4 * scored < n) return false
    const lexeme = firstLastLexeme
    const at = firstLastAt
    const first = this.lists[0]
    for (let x = first.length - 1; x >= 0 && n > 0; x--) {
      const l = first[x]
      let left = 0
      if (l.n > 8 * n) {
        let k = 0
        for (let r = 0; r < n; r++) {
          const slot = rest[r]
          k = seek(l.slots, k, l.n, slot)
          if (k < l.n && l.slots[k] === slot) {
            lexeme[slot] = x
            at[slot] = k
          } else rest[left++] = slot
        }
      } else {
        let r = 0
        for (let k = 0; k < l.n && r < n; k++) {
          const slot = l.slots[k]
          while (r < n && rest[r] < slot) rest[left++] = rest[r++]
          if (r < n && rest[r] === slot) {
            lexeme[slot] = x
            at[slot] = k
            r++
          }
        }
        while (r < n) rest[left++] = rest[r++]
      }
      n = left
    }
    for (let r = 0; r < n; r++) lexeme[rest[r]] = -1
    this.firstLast = { lexeme, at }
    return true
  }
  /**
   * Ready to score another set of slots from the lowest again (./memory-shortest-first scores a
   * page's matches a tier at a time): the cursors go back to the start and the per-slot data of
   * gatherTermAtATime is dropped (call it again for the new set).
   */
  rewind() {
    for (const lexemes of this.lists) for (const l of lexemes) l.k = 0
    this.firstLast = undefined
    this.gathered = undefined
  }
  /** Per matched slot: the first operand's last lexeme it holds (-1: none) and its posting there. */
  private firstLast?: { lexeme: Int32Array; at: Int32Array }
  private gathered?: {
    flat: { off: Int32Array; pos: Uint16Array; op: number }[]
    start: Int32Array
    list: Int32Array
    at: Int32Array
  }

  /**
   * Whether bound() holds and is worth asking before score(): an AND-ranked ts_rank
   * (calc_rank_and) is at most 1 before the division by log2(length + 1), so the score is at most
   * bound(slot) — no entries read.
   */
  get bounded(): boolean {
    return this.andRank && this.operands >= 2 && !this.orSums
  }
  /**
   * Whether bound() holds: `bounded`, or an OR-ranked ts_rank summed term at a time, which is at
   * most the largest sum before the division by log2(length + 1) (bound() then costs what score()
   * does: only worth it to skip whole lengths, ./memory-shortest-first).
   */
  get capped(): boolean {
    return this.bounded || !!this.orSums
  }
  /** The rank's cap before the division by log2(length + 1): 1 (calc_rank_and), or the largest OR sum. */
  private beforeLength = 1

  /** An upper bound of score(slot) when `capped`: a slot whose bound loses to the page's last is not scored. */
  bound(slot: number): number {
    const log2Length = this.index.log2Length.a[slot]
    return this.withBonuses(log2Length ? Math.fround(this.beforeLength / log2Length) : 0, slot)
  }

  /**
   * bound() of a document of this length holding every bonus (the words as typed, each accent key
   * the index holds), summed in bound()'s order so that no slot of this length is above it.
   */
  boundOfLength(log2Length: number): number {
    let bound = log2Length ? Math.fround(this.beforeLength / log2Length) : 0
    if (this.typed) bound += 1
    for (const a of this.accents) if (a) bound += 0.5
    return bound
  }

  /** compileTextMatch's score: ts_rank, + 1 for the words as typed, + 0.5 per exact-accent key. */
  score(slot: number): number {
    if (this.orSums) {
      const log2Length = this.index.log2Length.a[slot]
      const rank =
        this.operands && log2Length ? Math.fround(Math.fround(this.orSums[slot] / this.operands) / log2Length) : 0
      return this.withBonuses(rank, slot)
    }
    if (this.oneAfterFirst && !this.gathered && (this.lists[0].length <= 1 || this.firstLast))
      return this.scoreOneEach(slot)
    const e = this.entries
    e.reset()
    const g = this.gathered
    if (g) {
      let op = -1
      for (let x = g.start[slot]; x < g.start[slot + 1]; x++) {
        const l = g.flat[g.list[x]]
        if (l.op !== op) {
          if (op >= 0) e.closeOperand()
          op = l.op
        }
        e.add(l.pos, l.off[g.at[x]], l.off[g.at[x] + 1])
      }
      e.closeOperand()
    } else {
      const fl = this.firstLast
      for (let op = 0; op < this.lists.length; op++) {
        const lexemes = this.lists[op]
        if (op === 0 && fl) {
          const x = fl.lexeme[slot]
          if (x >= 0) {
            const l = lexemes[x]
            e.add(l.pos, l.off[fl.at[slot]], l.off[fl.at[slot] + 1])
          }
        } else
          for (const l of lexemes) {
            const k = seek(l.slots, l.k, l.n, slot)
            l.k = k
            if (k < l.n && l.slots[k] === slot) e.add(l.pos, l.off[k], l.off[k + 1])
          }
        e.closeOperand()
      }
    }
    return this.withBonuses(tsRankFlat(e, this.andRank, this.operands, this.index.log2Length.a[slot]), slot)
  }

  /** A slot's rank (or its cap) + 1 for the words as typed + 0.5 per exact-accent key it holds, in that order. */
  private withBonuses(rank: number, slot: number): number {
    let score = rank
    if (this.typed && has(this.typed, slot)) score += 1
    for (const a of this.accents) if (has(a, slot)) score += 0.5
    return score
  }

  /**
   * score() when each operand has one entry per slot at most (oneAfterFirst): calc_rank_and over
   * those entries, pair by pair in rankAndFlat's order (so float4 for float4 the same rank), without
   * the general path's per-lexeme lists. A two-word type-ahead ("cam c", "thổ c": 60,000–150,000
   * matches at 1M documents, most of them scored) takes about a quarter less time (bench/RESULTS.md).
   */
  private scoreOneEach(slot: number): number {
    const { pos, from, to } = this.one
    const fl = this.firstLast
    const lists = this.lists
    let present = 0
    for (let op = 0; op < lists.length; op++) {
      const lexemes = lists[op]
      let l: (typeof lexemes)[number]
      let k: number
      if (op === 0 && fl) {
        const x = fl.lexeme[slot]
        if (x < 0) continue
        l = lexemes[x]
        k = fl.at[slot]
      } else {
        if (!lexemes.length) continue
        l = lexemes[0]
        k = seek(l.slots, l.k, l.n, slot)
        l.k = k
        if (k >= l.n || l.slots[k] !== slot) continue
      }
      pos[present] = l.pos
      from[present] = l.off[k]
      to[present] = l.off[k + 1]
      present++
    }
    // tsRankFlat's steps: no length, no rank
    const log2Length = this.index.log2Length.a[slot]
    return this.withBonuses(log2Length ? rankOverLength(rankAndOneEach(pos, from, to, present), log2Length) : 0, slot)
  }
}

/**
 * The first posting at or after k whose slot is not below `slot`: steps doubling, then halving, so
 * scoring a few slots of a long posting list (a broad word under a narrow filter) skips most of it.
 */
function seek(slots: Int32Array, k: number, n: number, slot: number): number {
  if (k >= n || slots[k] >= slot) return k
  let step = 1
  while (k + step < n && slots[k + step] < slot) {
    k += step
    step *= 2
  }
  let lo = k + 1
  let hi = Math.min(k + step, n)
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (slots[mid] < slot) lo = mid + 1
    else hi = mid
  }
  return lo
}

let orSums = new Float32Array(0)
/** A zeroed float4 per slot, reused (a search runs synchronously from match to page). */
function orScratch(slots: number): Float32Array {
  if (orSums.length < slots) orSums = new Float32Array(Math.ceil(slots * 1.25))
  else orSums.fill(0, 0, slots)
  return orSums
}

/** firstOperandLast's per-slot lexeme and posting, and its slots still unassigned; reused like orScratch. */
let firstLastLexeme = new Int32Array(0)
let firstLastAt = new Int32Array(0)
let firstLastRest = new Int32Array(0)

let gatherStart = new Int32Array(0)
let gatherFill = new Int32Array(0)
/** Per-slot offsets for gatherTermAtATime, zeroed, reused like orScratch. */
function gatherScratch(size: number) {
  if (gatherStart.length < size) {
    gatherStart = new Int32Array(Math.ceil(size * 1.25))
    gatherFill = new Int32Array(gatherStart.length)
  } else gatherStart.fill(0, 0, size)
  return { start: gatherStart, fill: gatherFill }
}

const has = (bits: Uint32Array | undefined, slot: number) => !!bits && (bits[slot >> 5] & (1 << (slot & 31))) !== 0
