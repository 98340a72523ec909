/**
 * A text search over the in-process index (./memory-index), with the same answer as the SQL
 * statement (./statement): the match set of the tsquery and the always-on filters, each hit's
 * score as compileTextMatch computes it (ts_rank + 1 for the words as typed when typos were
 * corrected + 0.5 per exact-accent key), total and disjunctive facet counts as countCube counts
 * them (a bit per failed disjunctive filter), and the page in the requested order, ties by id.
 * `planMemorySearch` says undefined for anything it cannot answer exactly; SQL answers that.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { cellTest, type CellTest } from "./facet-cube"
import {
  isValueFacet,
  sortedCounts,
  statsCount,
  statsFacets,
  valueFacets,
  type FacetRequest,
  type FacetRow,
} from "./facets"
import { memoryColumns, type ColumnValues, type MemoryIndex } from "./memory-index"
import type { TablePlan } from "./plan"
import { RankEntries, orEntryWeight, queryOperands, rankedAsAnd, tsRankFlat, type TsNode } from "./ts-rank"

type Filters = Record<string, unknown> | undefined
export type MemoryOrderKey = { field: string | "_score"; desc: boolean }
export type MemorySearchPlan = {
  tests: { field: string; test: CellTest; disjunctive: boolean }[]
  order: MemoryOrderKey[]
}
export type MemorySearchInput = {
  /** The tsquery; undefined for a search without words (every document matches, score 0). */
  query: TsNode | undefined
  /** The query as typed (no typo alternatives) when typos were corrected: a match scores 1 more. */
  typed?: TsNode
  accentKeys: string[]
  facets: FacetRequest[]
  disjunctive: Set<string>
  plan: MemorySearchPlan
  take: number
  skip: number
  /** Only the page: total and facets are counted elsewhere (the facet cube); result.row is empty. */
  pageOnly?: boolean
}
/** Which scoring path runs; tests set gather to "always" to prove it scores like cursor merging. */
export const scoringPaths: { gather: "auto" | "always" } = { gather: "auto" }
export type MemorySearchResult = { row: FacetRow; page: { id: string; score: number }[] }

const isNumeric = (kind: string) => kind === "bigint" || kind === "double precision"

/**
 * The filters as tests on column values and the order as keys, or undefined when only SQL can
 * answer: a filter on an array or date column, $and/$or/$not, a range facet, a facet on an array
 * column, a sort on an array column.
 */
export function planMemorySearch(
  plan: TablePlan,
  filters: Filters,
  facets: FacetRequest[],
  disjunctive: Set<string>,
  order: Record<string, SearchTypes.SearchOrderBy> | undefined
): MemorySearchPlan | undefined {
  const held = new Set(memoryColumns(plan).map((c) => c.field))
  const tests: MemorySearchPlan["tests"] = []
  for (const [field, value] of Object.entries(filters ?? {})) {
    if (value === undefined || field === "q") continue
    const col = plan.columns.get(field)
    if (!col || !held.has(field) || col.kind === "timestamptz") return undefined
    const test = cellTest(value, isNumeric(col.kind))
    if (!test) return undefined
    tests.push({ field, test, disjunctive: disjunctive.has(field) })
  }
  for (const f of facets) {
    const col = plan.columns.get(f.field)
    if (!col || !held.has(f.field)) return undefined
    if (!isValueFacet(f) && !(f.type === "stats" && isNumeric(col.kind))) return undefined
  }
  const keys: MemoryOrderKey[] = []
  const entries = Object.entries(order ?? {})
  for (const [field, dir] of entries) {
    if (field !== "_score" && !held.has(field)) return undefined
    keys.push({ field, desc: dir !== "ASC" })
  }
  if (!entries.length) keys.push({ field: "_score", desc: true })
  return { tests, order: keys }
}

/** Scores documents in ascending slot order, walking each operand's postings once. */
class SlotScorer {
  private lists: { slots: Int32Array; n: number; off: Int32Array; pos: Uint16Array; k: number }[][]
  private entries = new RankEntries()
  private readonly andRank: boolean
  private readonly operands: number
  private typed?: Uint32Array
  private accents: (Uint32Array | undefined)[]
  /** calc_rank_or's sum per slot, when computed term-at-a-time (see sumOrTermAtATime). */
  private orSums?: Float32Array

  constructor(
    private readonly index: MemoryIndex,
    private readonly input: MemorySearchInput
  ) {
    const operands = input.query ? queryOperands(input.query) : []
    this.operands = operands.length
    this.andRank = !!input.query && rankedAsAnd(input.query)
    this.lists = operands.map((o) =>
      index.lexemes(o.term, o.prefix).map((word) => {
        const p = index.terms.get(word)!
        return { slots: p.slots.a, n: p.slots.n, off: p.off.a, pos: p.pos.a, k: 0 }
      })
    )
    this.typed = input.typed ? index.match(input.typed) : undefined
    this.accents = input.accentKeys.map((k) => index.accentBits(k))
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
    for (const lexemes of this.lists) {
      for (const l of lexemes) {
        for (let k = 0; k < l.n; k++) {
          const slot = l.slots[k]
          sums[slot] = sums[slot] + orEntryWeight(l.pos, l.off[k], l.off[k + 1]) / 1.64493406685
        }
      }
    }
    this.orSums = sums
  }

  /**
   * Otherwise (an AND-ranked query, or an OR one whose postings are long): each matched slot's
   * lexeme entries, in operand then lexeme order — what merging every lexeme's cursor per slot
   * finds — gathered walking each lexeme's postings twice (count, then place). Worth it when the
   * words stand for many lexemes: a type-ahead prefix like "nuoc m" merges hundreds per slot.
   */
  gatherTermAtATime(matched: Uint32Array, matchedCount: number) {
    if (this.orSums) return
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
  private gathered?: {
    flat: { off: Int32Array; pos: Uint16Array; op: number }[]
    start: Int32Array
    list: Int32Array
    at: Int32Array
  }

  /** compileTextMatch's score: ts_rank, + 1 for the words as typed, + 0.5 per exact-accent key. */
  score(slot: number): number {
    if (this.orSums) {
      const log2Length = this.index.log2Length.a[slot]
      let score =
        this.operands && log2Length ? Math.fround(Math.fround(this.orSums[slot] / this.operands) / log2Length) : 0
      if (this.typed && has(this.typed, slot)) score += 1
      for (const a of this.accents) if (has(a, slot)) score += 0.5
      return score
    }
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
    } else
      for (const lexemes of this.lists) {
        for (const l of lexemes) {
          while (l.k < l.n && l.slots[l.k] < slot) l.k++
          if (l.k < l.n && l.slots[l.k] === slot) e.add(l.pos, l.off[l.k], l.off[l.k + 1])
        }
        e.closeOperand()
      }
    let score = tsRankFlat(e, this.andRank, this.operands, this.index.log2Length.a[slot])
    if (this.typed && has(this.typed, slot)) score += 1
    for (const a of this.accents) if (has(a, slot)) score += 0.5
    return score
  }
}

let orSums = new Float32Array(0)
/** A zeroed float4 per slot, reused (a search runs synchronously from match to page). */
function orScratch(slots: number): Float32Array {
  if (orSums.length < slots) orSums = new Float32Array(Math.ceil(slots * 1.25))
  else orSums.fill(0, 0, slots)
  return orSums
}

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

export function memorySearch(index: MemoryIndex, input: MemorySearchInput): MemorySearchResult {
  const { plan: mplan } = input
  const matched = input.query ? index.match(input.query) : index.alive.slice()
  // without _score in the order only the page is scored, after it is chosen; without words every
  // score is 0 (the order's _score ties)
  const ranked = !!input.query && mplan.order.some((k) => k.field === "_score")
  const scorer = new SlotScorer(index, input)
  if (ranked && input.skip + input.take > 0) {
    let count = 0
    for (let w = 0; w < matched.length; w++) {
      let v = matched[w]
      while (v) {
        v &= v - 1
        count++
      }
    }
    scorer.sumOrTermAtATime(count)
    scorer.gatherTermAtATime(matched, count)
  }

  const bits = new Map([...input.disjunctive].map((field, b) => [field, 1 << b]))
  const tests = mplan.tests.map((t) => {
    const col = index.column(t.field)!
    const pass = new Uint8Array(col.text.length)
    for (let c = 0; c < pass.length; c++) pass[c] = t.test(col.text[c], col.num[c]) ? 1 : 0
    return { codes: col.codes.a, pass, bit: t.disjunctive ? (bits.get(t.field) ?? 0) : 0 }
  })
  const vf = valueFacets(input.facets).map(({ f, i, limit }) => {
    const col = index.column(f.field)!
    return { i, limit, col, codes: col.codes.a, counts: new Float64Array(col.text.length), bit: bits.get(f.field) ?? 0 }
  })
  const sf = statsFacets(input.facets).map(({ f, i }) => {
    const col = index.column(f.field)!
    return {
      i,
      codes: col.codes.a,
      num: col.num,
      bit: bits.get(f.field) ?? 0,
      mn: Number.POSITIVE_INFINITY,
      mx: Number.NEGATIVE_INFINITY,
      sm: 0,
      ct: 0,
    }
  })

  const scores = index.scores()
  const order = input.query ? mplan.order : mplan.order.filter((k) => k.field !== "_score")
  const compare = compareSlots(index, order, scores)
  const page = new TopSlots(input.skip + input.take, compare)
  if (!input.query && input.pageOnly) {
    // no words, counts from elsewhere: the first passing slots of the presorted order are the page
    const passes = (slot: number) => {
      if (!(index.alive[slot >> 5] & (1 << (slot & 31)))) return false
      for (const t of tests) if (!t.pass[t.codes[slot]]) return false
      return true
    }
    const sorted = index.ordered(order.map((k) => `${k.field} ${k.desc ? "DESC" : "ASC"}`).join(","), compare)
    let found = 0
    for (let x = 0; x < sorted.slots.length && found < page.limit; x++) {
      const slot = sorted.slots[x]
      if (passes(slot)) {
        page.offer(slot)
        found++
      }
    }
    if (page.limit > 0) for (let slot = sorted.covered; slot < index.slots; slot++) if (passes(slot)) page.offer(slot)
    const slots = page.sorted().slice(input.skip)
    for (const slot of slots) scores[slot] = 0
    return { row: {}, page: slots.map((slot) => ({ id: index.ids[slot], score: 0 })) }
  }
  let total = 0
  for (let w = 0; w < matched.length; w++) {
    let word = matched[w]
    while (word) {
      const bit = word & -word
      word ^= bit
      const slot = (w << 5) | (31 - Math.clz32(bit))
      let mask = 0
      let skip = false
      for (const t of tests) {
        if (t.pass[t.codes[slot]]) continue
        if (!t.bit || mask) {
          skip = true
          break
        }
        mask = t.bit
      }
      if (skip) continue
      for (const f of vf) if (!mask || mask === f.bit) f.counts[f.codes[slot]]++
      for (const f of sf) {
        if (mask && mask !== f.bit) continue
        const v = f.num[f.codes[slot]]
        if (Number.isNaN(v)) continue
        if (v < f.mn) f.mn = v
        if (v > f.mx) f.mx = v
        f.sm += v
        f.ct++
      }
      if (mask) continue
      total++
      if (page.limit > 0) {
        if (ranked) scores[slot] = scorer.score(slot)
        page.offer(slot)
      }
    }
  }

  const row: FacetRow = { total }
  for (const f of vf) {
    const counts = new Map<string, number>()
    for (let c = 1; c < f.counts.length; c++) if (f.counts[c]) counts.set(f.col.text[c]!, f.counts[c])
    row[`f${f.i}`] = sortedCounts(counts, f.limit)
  }
  for (const f of sf) row[`f${f.i}`] = statsCount(f.mn, f.mx, f.sm, f.ct)
  const slots = page.sorted().slice(input.skip)
  if (!input.query) for (const slot of slots) scores[slot] = 0
  else if (!ranked) {
    const late = new SlotScorer(index, input)
    for (const slot of [...slots].sort((a, b) => a - b)) scores[slot] = late.score(slot)
  }
  return { row, page: slots.map((slot) => ({ id: index.ids[slot], score: scores[slot] })) }
}

type SlotCompare = (a: number, b: number) => number

/** ORDER BY of ./statement compileOrder: the keys (NULLS LAST either way), then id ascending. */
function compareSlots(index: MemoryIndex, order: MemoryOrderKey[], scores: Float64Array): SlotCompare {
  const keys = order.map((k) => {
    if (k.field === "_score") return { desc: k.desc, score: true as const }
    const col = index.column(k.field) as ColumnValues
    return { desc: k.desc, score: false as const, col, text: col.column.kind === "text" }
  })
  const ids = index.ids
  return (a, b) => {
    for (const k of keys) {
      let d = 0
      if (k.score) d = scores[a] - scores[b]
      else {
        const ca = k.col.codes.a[a]
        const cb = k.col.codes.a[b]
        if (ca === cb) continue
        if (ca === 0) return 1 // nulls last
        if (cb === 0) return -1
        if (k.text) {
          const ta = k.col.text[ca]!
          const tb = k.col.text[cb]!
          d = ta < tb ? -1 : ta > tb ? 1 : 0
        } else d = k.col.num[ca] - k.col.num[cb]
      }
      if (d) return k.desc ? -d : d
    }
    const ia = ids[a]
    const ib = ids[b]
    return ia < ib ? -1 : ia > ib ? 1 : 0
  }
}

/** The best `limit` slots so far, kept sorted (few insertions: most offers lose to the last kept). */
class TopSlots {
  private kept: number[] = []
  constructor(
    readonly limit: number,
    private readonly compare: SlotCompare
  ) {}
  offer(slot: number) {
    const kept = this.kept
    if (kept.length === this.limit && this.compare(slot, kept[kept.length - 1]) >= 0) return
    let lo = 0
    let hi = kept.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.compare(kept[mid], slot) <= 0) lo = mid + 1
      else hi = mid
    }
    kept.splice(lo, 0, slot)
    if (kept.length > this.limit) kept.pop()
  }
  sorted() {
    return this.kept
  }
}
