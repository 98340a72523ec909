/**
 * A text search over the in-process index (./memory-index), with the same answer as the SQL
 * statement (./statement): the match set of the tsquery and the always-on filters, each hit's
 * score (./memory-scoring), total and disjunctive facet counts as countCube counts them (a bit per
 * failed disjunctive filter), and the page in the requested order (./memory-order), ties by id.
 * `planMemorySearch` (./memory-plan) says undefined for anything it cannot answer exactly; SQL
 * answers that.
 */
import { sortedCounts, statsCount, statsFacets, valueFacets, type FacetRequest, type FacetRow } from "./facets"
import { CELL_CODES, type MemoryIndex } from "./memory-index"
import { type ColumnValues, countBits } from "./memory-storage"
import { keyCompare, orderName, pageCompare, TopSlots } from "./memory-order"
import type { MemorySearchPlan } from "./memory-plan"
import { SlotScorer } from "./memory-scoring"
import { shorterTiersPage } from "./memory-shortest-first"
import type { TsNode } from "./ts-rank"

export { planMemorySearch, type MemoryOrderKey, type MemorySearchPlan } from "./memory-plan"
export { scoringPaths } from "./memory-scoring"
export { countBits } from "./memory-storage"

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
export type MemorySearchResult = { row: FacetRow; page: { id: string; score: number }[] }

export function memorySearch(index: MemoryIndex, input: MemorySearchInput): MemorySearchResult {
  const { plan: mplan } = input
  const matched = input.query ? index.match(input.query) : index.alive.slice()
  // without _score in the order only the page is scored, after it is chosen; without words every
  // score is 0 (the order's _score ties)
  const ranked = !!input.query && mplan.order.some((k) => k.field === "_score")
  const scorer = new SlotScorer(index, input)
  const matchedCount = input.query ? countBits(matched) : index.liveCount
  const bits = new Map([...input.disjunctive].map((field, b) => [field, 1 << b]))
  const tests = mplan.tests.map((t) => {
    const col = index.column(t.field)!
    const pass = new Uint8Array(col.text.length)
    for (let c = 0; c < pass.length; c++) pass[c] = t.test(col.text[c], col.num[c]) ? 1 : 0
    return { col, codes: col.codes.a, pass, bit: t.disjunctive ? (bits.get(t.field) ?? 0) : 0 }
  })
  // relevance first and no filter: the page is scored shorter documents first, stopping where the
  // score caps lose (./memory-shortest-first), and a visit of the match (if any) only counts. A word
  // in every description ("quà": a match of 1M) scores the shortest 1/64 of it, not all.
  let byTiers = false
  if (ranked && input.skip + input.take > 0) {
    // only the matches passing every filter are scored: the scoring path is chosen for their number
    const scored = Math.min(matchedCount, smallestSource(index, matchedCount, tests).cost)
    scorer.sumOrTermAtATime(scored)
    byTiers = mplan.order[0].field === "_score" && mplan.order[0].desc && scorer.capped && !tests.length
    // the tiers gather per tier
    if (!byTiers) scorer.gatherTermAtATime(matched, scored)
  }
  // a page alone (a type-ahead): nothing to count
  if (byTiers && input.pageOnly) {
    const scores = index.scores()
    const page = new TopSlots(input.skip + input.take, pageCompare(index, mplan.order, scores))
    const slots = shorterTiersPage(index, matched, scorer, page, scores).slice(input.skip)
    return { row: {}, page: slots.map((slot) => ({ id: index.ids[slot], score: scores[slot] })) }
  }
  const vf = valueFacets(input.facets).map(({ f, i, limit }) => {
    const col = index.column(f.field)!
    return { i, limit, col, codes: col.codes.a, counts: new Float64Array(col.text.length), bit: bits.get(f.field) ?? 0 }
  })
  const sf = statsFacets(input.facets).map(({ f, i }) => {
    const col = index.column(f.field)!
    return {
      i,
      col,
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
  const compare = pageCompare(index, order, scores)
  const page = new TopSlots(input.skip + input.take, compare)
  // without words every score is 0: the page is the first passing slots of the presorted order
  const presorted = !input.query
  if (presorted && input.pageOnly) {
    const slots = presortedPage(index, order, scores, tests, page, input.skip)
    return { row: {}, page: slots.map((slot) => ({ id: index.ids[slot], score: 0 })) }
  }

  // relevance first: a slot whose score (or its cap, when there is one) loses to the page's last
  // is not offered, nor scored when its cap already loses
  const scoreFirst = ranked && order[0].field === "_score" && order[0].desc
  const bounded = scoreFirst && scorer.bounded
  const limit = page.limit
  let worstScore = Number.NEGATIVE_INFINITY // the page's last score once it is full (scoreFirst)
  // A disjunctive facet counts the matches that pass every filter but its own: one set per filter a
  // facet names, besides the set passing them all (total, page, the other facets). Each set is
  // visited from its smallest source (the match, or one filter's values' slots); a set without
  // filters of a match of most documents counts the few documents that do not match instead.
  const sets = new Map<number, { vf: typeof vf; sf: typeof sf }>()
  const setOf = (bit: number) => {
    const own = bit ? tests.findIndex((t) => t.bit === bit) : -1
    let set = sets.get(own)
    if (!set) {
      set = { vf: [], sf: [] }
      sets.set(own, set)
    }
    return set
  }
  for (const f of vf) setOf(f.bit).vf.push(f)
  for (const f of sf) setOf(f.bit).sf.push(f)
  // without words: counted from the cells of every column the search reads when they are few
  // (countFromCells); else, with broad filters, one pass over the live slots counts every set at
  // once (countByCells); narrow filters keep visiting their own values' slots, set by set
  const cost = () => setsCost(index, tests, sets)
  const cellTotal =
    presorted && tests.length > 0
      ? (countFromCells(index, tests, sets, cost) ??
        (cost() > index.liveCount / 8 ? countByCells(index, tests, sets) : undefined))
      : undefined
  if (cellTotal !== undefined) {
    const row = facetRow(cellTotal, vf, sf)
    const slots = presortedPage(index, order, scores, tests, page, input.skip, cellTotal)
    return { row, page: slots.map((slot) => ({ id: index.ids[slot], score: 0 })) }
  }
  const dense = (set: { sf: typeof sf } | undefined) =>
    2 * matchedCount > index.liveCount && complementSums((set?.sf ?? []).map((f) => f.col))
  // with words, counted from the cells too: one pass over the match adds each document to its
  // cell (one increment a document, where slot by slot added it to every facet of every set)
  const wordTotal =
    input.query && (vf.length || sf.length) && countingPaths.words !== "slots"
      ? countFromCells(index, tests, sets, () => (countingPaths.words === "cells" ? Infinity : matchedCount), matched)
      : undefined
  for (const [own, set] of sets) {
    if (own < 0 || wordTotal !== undefined) continue
    const others = tests.filter((_, x) => x !== own)
    if (!others.length && dense(set)) {
      countByComplement(index, matched, set.vf, set.sf)
      continue
    }
    const passing = !input.query && dense(set) ? passingMostly(index, others) : undefined
    if (passing) {
      countByComplement(index, passing, set.vf, set.sf)
      continue
    }
    visitMatches(index, matched, matchedCount, others, (slot) => {
      for (const f of set.vf) f.counts[f.codes[slot]]++
      for (const f of set.sf) addStat(f, f.num[f.codes[slot]])
    })
  }
  const all = sets.get(-1) ?? { vf: [], sf: [] }
  // without words, one filter most documents pass (a price range): counted from the live counts minus
  // the documents it fails, not slot by slot
  const passingAll = !tests.length ? matched : !input.query && dense(all) ? passingMostly(index, tests) : undefined
  const byComplement = wordTotal === undefined && !!passingAll && dense(all)
  const counted = wordTotal !== undefined || byComplement
  let total = wordTotal ?? (byComplement ? countByComplement(index, passingAll!, all.vf, all.sf) : 0)
  const pageInVisit = limit > 0 && !presorted && !byTiers
  if (pageInVisit || !counted)
    visitMatches(index, matched, matchedCount, tests, (slot) => {
      if (!counted) {
        for (const f of all.vf) f.counts[f.codes[slot]]++
        for (const f of all.sf) addStat(f, f.num[f.codes[slot]])
        total++
        if (!pageInVisit) return
      }
      if (ranked) {
        if (bounded && scorer.bound(slot) < worstScore) return
        const score = scorer.score(slot)
        if (score < worstScore) return
        scores[slot] = score
      }
      page.offer(slot)
      if (scoreFirst) {
        const worst = page.worst()
        if (worst >= 0) worstScore = scores[worst]
      }
    })

  const row = facetRow(total, vf, sf)
  const slots = presorted
    ? presortedPage(index, order, scores, tests, page, input.skip, total)
    : byTiers
      ? shorterTiersPage(index, matched, scorer, page, scores).slice(input.skip)
      : page.sorted().slice(input.skip)
  if (!ranked && !presorted) {
    const late = new SlotScorer(index, input)
    for (const slot of [...slots].sort((a, b) => a - b)) scores[slot] = late.score(slot)
  }
  return { row, page: slots.map((slot) => ({ id: index.ids[slot], score: scores[slot] })) }
}

type ValueCounter = { i: number; limit: number; col: ColumnValues; codes: Int32Array; counts: Float64Array }
type StatsCounter = StatAccumulator & { i: number; col: ColumnValues; codes: Int32Array; num: number[] }
type FacetSets = Map<number, { vf: ValueCounter[]; sf: StatsCounter[] }>

function facetRow(total: number, vf: ValueCounter[], sf: StatsCounter[]): FacetRow {
  const row: FacetRow = { total }
  for (const f of vf) {
    const counts = new Map<string, number>()
    for (let c = 1; c < f.counts.length; c++) if (f.counts[c]) counts.set(f.col.text[c]!, f.counts[c])
    row[`f${f.i}`] = sortedCounts(counts, f.limit)
  }
  for (const f of sf) row[`f${f.i}`] = statsCount(f.mn, f.mx, f.sm, f.ct)
  return row
}

/**
 * What counting set by set visits (a search without words): per set, the slots of its smallest
 * source (./memory-search visitMatches), or none for a set without filters.
 */
function setsCost(index: MemoryIndex, tests: SlotTest[], sets: FacetSets): number {
  let cost = smallestSource(index, index.liveCount, tests).cost
  for (const own of sets.keys()) {
    if (own < 0) continue
    const others = tests.filter((_, x) => x !== own)
    if (others.length) cost += smallestSource(index, index.liveCount, others).cost
  }
  return cost
}

const FAILS_MORE = 255
/** Cells up to this share of the live documents are counted without asking what else would cost. */
const FEW_CELLS = 1 / 16

/**
 * Total and facet counts of a search from the cells (MemoryIndex.cells) of every column it reads:
 * the value facets', the filters' and the stats facets' (province, group, subgroup, stars,
 * producer type and price: 5,882 cells at 1M bench documents); with words (`matched`), of each
 * cell's documents of the match, counted in one pass over it instead of its live ones. Each filter is
 * tested once per cell, and a cell adds its live documents to the sets its state counts for (as
 * countByCells, a bit per failed disjunctive filter); a stats facet adds the cell's one value
 * times its live documents. No slot is visited: at 1M the slot pass of countByCells was ~85% of
 * a filters-only search (12–30 ms). Undefined when the index keeps no such cells, when there are
 * many cells (more than FEW_CELLS of the live documents) and more than `budget` says counting
 * otherwise visits (its sources' slots, sorted again after many writes: not asked when few), or
 * when a stats column's sums would depend on their order (complementSums).
 */
function countFromCells(
  index: MemoryIndex,
  tests: SlotTest[],
  sets: FacetSets,
  budget: () => number,
  matched?: Uint32Array
): number | undefined {
  if (tests.length >= FAILS_MORE) return undefined
  const stats = [...sets.values()].flatMap((s) => s.sf)
  if (!complementSums(stats.map((f) => f.col))) return undefined
  // the value facets' columns in request order first (the set countByCells keeps, extended); a
  // column of many values (a real catalogue's prices) last, where a cell key takes it
  const facets = [...sets.values()].flatMap((s) => s.vf).sort((a, b) => a.i - b.i)
  const read = new Set([...facets.map((f) => f.col), ...tests.map((t) => t.col), ...stats.map((f) => f.col)])
  const cellCols = [...read].sort((a, b) => Number(a.text.length > CELL_CODES) - Number(b.text.length > CELL_CODES))
  const cells = index.cells(cellCols)
  if (!cells || (cells.count > index.liveCount * FEW_CELLS && cells.count > budget())) return undefined
  const n = cells.count
  const live = matched ? matchedPerCell(cells.slots, matched, n) : cells.live
  const cellState = new Uint8Array(n)
  tests.forEach((t, x) => {
    const codes = cells.codes[cellCols.indexOf(t.col)]
    for (let c = 0; c < n; c++) {
      if (t.pass[codes[c]]) continue
      cellState[c] = cellState[c] === 0 ? x + 1 : FAILS_MORE
    }
  })
  let total = 0
  for (let c = 0; c < n; c++) if (cellState[c] === 0) total += live[c]
  for (const [own, set] of sets) {
    const alone = own < 0 ? 0 : own + 1
    const counts = (c: number) => live[c] > 0 && (cellState[c] === 0 || cellState[c] === alone)
    for (const f of set.vf) {
      const codes = cells.codes[cellCols.indexOf(f.col)]
      for (let c = 0; c < n; c++) if (counts(c)) f.counts[codes[c]] += live[c]
    }
    for (const f of set.sf) {
      const codes = cells.codes[cellCols.indexOf(f.col)]
      for (let c = 0; c < n; c++) {
        if (!counts(c)) continue
        const v = f.num[codes[c]]
        if (Number.isNaN(v)) continue
        if (v < f.mn) f.mn = v
        if (v > f.mx) f.mx = v
        f.sm += v * live[c]
        f.ct += live[c]
      }
    }
  }
  return total
}

/** How many documents of the match each cell holds (`cellOf`: each slot's cell). */
function matchedPerCell(cellOf: Int32Array, matched: Uint32Array, cells: number): Int32Array {
  const out = new Int32Array(cells)
  for (let w = 0; w < matched.length; w++) {
    let word = matched[w]
    while (word) {
      const bit = word & -word
      word ^= bit
      out[cellOf[(w << 5) | (31 - Math.clz32(bit))]]++
    }
  }
  return out
}

/**
 * How a search with words counts its facets: "auto" from the cells (countFromCells with the match)
 * when the index keeps them and they are fewer than FEW_CELLS of the documents or than the match,
 * else slot by slot; tests take each way.
 */
export const countingPaths: { words: "auto" | "cells" | "slots" } = { words: "auto" }

/**
 * Total and facet counts of a search without words by cells (MemoryIndex.cells: each slot's
 * combination of the value facets' codes, a few thousand at 1M documents). A
 * filter on a cell column is tested once per cell; one pass over the slots reads each live slot's
 * cell, tests the other filters (a price range) and counts the slot by state (0: passes every test,
 * x + 1: fails test x only, a disjunctive facet ignoring its own filter) and cell; the stats facets
 * add the slot's value in slot order, as set by set. Facet counts then come from the cells' codes.
 * Chosen over set by set once the filters are broad: at 1M documents stars 4–5, group and a price
 * range visited four sets of ~500k slots each, slot by slot (20–35 ms); here ~1 pass of cheap reads.
 * Undefined when the index keeps no cells for these columns (too many, or too many values).
 */
function countByCells(index: MemoryIndex, tests: SlotTest[], sets: FacetSets): number | undefined {
  if (tests.length >= FAILS_MORE) return undefined
  // the cells are the value facets' columns in request order (one kept set for a storefront's facets)
  const facets = [...sets.values()].flatMap((s) => s.vf).sort((a, b) => a.i - b.i)
  const cellCols = [...new Set(facets.map((f) => f.col))]
  const cells = index.cells(cellCols)
  if (!cells) return undefined
  const n = cells.count
  const states = tests.length + 1
  // each cell's state from the tests on cell columns
  const cellState = new Uint8Array(n)
  const slotTests: { x: number; t: SlotTest }[] = []
  tests.forEach((t, x) => {
    const k = cellCols.indexOf(t.col)
    if (k < 0) {
      slotTests.push({ x, t })
      return
    }
    const codes = cells.codes[k]
    for (let c = 0; c < n; c++) {
      if (t.pass[codes[c]]) continue
      cellState[c] = cellState[c] === 0 ? x + 1 : FAILS_MORE
    }
  })
  const counts = new Float64Array(states * n)
  const stats = [...sets].flatMap(([own, set]) => set.sf.map((f) => ({ f, alone: own < 0 ? 0 : own + 1 })))
  const alive = index.alive
  const cell = cells.slots
  const [one, two] = slotTests // a search names few filters outside the cells (a price range)
  const rest = slotTests.slice(2)
  for (let s = 0; s < index.slots; s++) {
    if (!(alive[s >> 5] & (1 << (s & 31)))) continue
    const c = cell[s]
    let st = cellState[c]
    if (st === FAILS_MORE) continue
    if (one && !one.t.pass[one.t.codes[s]]) {
      if (st) continue
      st = one.x + 1
    }
    if (two && !two.t.pass[two.t.codes[s]]) {
      if (st) continue
      st = two.x + 1
    }
    let failed = false
    for (const { x, t } of rest) {
      if (t.pass[t.codes[s]]) continue
      if (st) failed = true
      else st = x + 1
    }
    if (failed) continue
    counts[st * n + c]++
    for (const { f, alone } of stats) if (st === 0 || st === alone) addStat(f, f.num[f.codes[s]])
  }
  let total = 0
  for (let c = 0; c < n; c++) total += counts[c]
  for (const [own, set] of sets) {
    const alone = own < 0 ? -1 : (own + 1) * n
    for (const f of set.vf) {
      const codes = cells.codes[cellCols.indexOf(f.col)]
      for (let c = 0; c < n; c++) f.counts[codes[c]] += counts[c] + (alone < 0 ? 0 : counts[alone + c])
    }
  }
  return total
}

/**
 * The page of a search without words: the first slots of the presorted order (plus the slots
 * written since it was sorted) that are live and pass every test; their scores are 0. `total`,
 * when counted: the walk stops once it met that many (a narrow filter need not walk the order).
 */
function presortedPage(
  index: MemoryIndex,
  order: MemorySearchPlan["order"],
  scores: Float64Array,
  tests: SlotTest[],
  page: TopSlots,
  skip: number,
  total = Number.POSITIVE_INFINITY
): number[] {
  const passes = (slot: number) => {
    if (!(index.alive[slot >> 5] & (1 << (slot & 31)))) return false
    for (const t of tests) if (!t.pass[t.codes[slot]]) return false
    return true
  }
  const sorted = index.ordered(orderName(order), keyCompare(index, order, scores))
  const skipRun = failingRuns(order, tests, sorted.slots)
  let found = 0
  for (let x = 0; x < sorted.slots.length && found < page.limit && found < total; x++) {
    const slot = sorted.slots[x]
    const next = skipRun(x)
    if (next > x) {
      x = next - 1
      continue
    }
    if (passes(slot)) {
      page.offer(slot)
      found++
    }
  }
  if (page.limit > 0) for (let slot = sorted.covered; slot < index.slots; slot++) if (passes(slot)) page.offer(slot)
  const slots = page.sorted().slice(skip)
  for (const slot of slots) scores[slot] = 0
  return slots
}

/**
 * When a filter tests the order's first key: from a place of the presorted order whose value fails
 * it, the place after that value's run (the order holds each value's slots in one run), else the
 * place itself. A page of stars 3 by stars then skips the ~490k slots of stars 4–5 at 1M in a few
 * steps instead of testing each. A number is a run by its value (codes of equal numbers sort
 * together), a text by its code; a NaN (null) is walked slot by slot.
 */
function failingRuns(order: MemorySearchPlan["order"], tests: SlotTest[], slots: Int32Array): (x: number) => number {
  const t = order.length ? tests.find((t) => t.col.column.field === order[0].field) : undefined
  if (!t) return (x) => x
  const { codes, pass } = t
  const num = t.col.column.kind === "text" ? undefined : t.col.num
  const key = num ? (x: number) => num[codes[slots[x]]] : (x: number) => codes[slots[x]]
  return (x) => {
    if (pass[codes[slots[x]]]) return x
    const v = key(x)
    if (Number.isNaN(v)) return x
    // galloping, then halving: the run ends at the first place whose value differs
    let lo = x + 1
    let step = 1
    while (lo + step - 1 < slots.length && key(lo + step - 1) === v) {
      lo += step
      step *= 2
    }
    let hi = Math.min(lo + step - 1, slots.length)
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (key(mid) === v) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

type StatAccumulator = { mn: number; mx: number; sm: number; ct: number }

function addStat(f: StatAccumulator, v: number) {
  if (Number.isNaN(v)) return
  if (v < f.mn) f.mn = v
  if (v > f.mx) f.mx = v
  f.sm += v
  f.ct++
}

type SlotTest = { col: ColumnValues; codes: Int32Array; pass: Uint8Array }

let visitBits = new Uint32Array(0)

/** The smallest source of the matches passing every test: the match (-1) or one test's values' slots. */
function smallestSource(index: MemoryIndex, matchedCount: number, tests: SlotTest[]) {
  let from = -1
  let cost = matchedCount
  const sources = tests.map((t, x) => {
    const by = t.col.slotsByCode(index.slots)
    let n = index.slots - by.covered
    for (let c = 0; c + 1 < by.start.length && c < t.pass.length; c++) if (t.pass[c]) n += by.start[c + 1] - by.start[c]
    if (n < cost) {
      cost = n
      from = x
    }
    return by
  })
  return { from, cost, sources }
}

/**
 * Visits, in ascending slot order, the matched slots that pass every test, from the smallest
 * source: the match itself, or the slots of one test's passing values (ColumnValues.slotsByCode,
 * plus the slots written since it was sorted), gathered into a bitset first so the order stays
 * ascending (scores and sums are taken in slot order, as the SQL path's single pass would).
 */
function visitMatches(
  index: MemoryIndex,
  matched: Uint32Array,
  matchedCount: number,
  tests: SlotTest[],
  visit: (slot: number) => void
) {
  const { from, sources } = smallestSource(index, matchedCount, tests)
  const rest = from < 0 ? tests : tests.filter((_, x) => x !== from)
  let bits = matched
  if (from >= 0) {
    if (visitBits.length < matched.length) visitBits = new Uint32Array(matched.length)
    bits = visitBits
    const t = tests[from]
    const by = sources[from]
    for (let c = 0; c + 1 < by.start.length && c < t.pass.length; c++) {
      if (!t.pass[c]) continue
      for (let k = by.start[c]; k < by.start[c + 1]; k++) {
        const slot = by.slots[k]
        if (matched[slot >> 5] & (1 << (slot & 31))) bits[slot >> 5] |= 1 << (slot & 31)
      }
    }
    for (let slot = by.covered; slot < index.slots; slot++)
      if (matched[slot >> 5] & (1 << (slot & 31)) && t.pass[t.codes[slot]]) bits[slot >> 5] |= 1 << (slot & 31)
  }
  // two loops in functions of their own, each taking the same branches on every call: one loop
  // taking either (filters or none) was compiled for the first and bailed out on the other, 18
  // times in 200 searches at 1M documents
  if (rest.length) visitPassing(bits, matched.length, rest, visit)
  else visitSet(bits, matched.length, visit)
  if (from >= 0) bits.fill(0, 0, matched.length) // the gathered bitset is left empty for the next visit
}

/** Visits the set slots of the first `words` words of a bitset. */
function visitSet(bits: Uint32Array, words: number, visit: (slot: number) => void) {
  for (let w = 0; w < words; w++) {
    let word = bits[w]
    while (word) {
      const bit = word & -word
      word ^= bit
      visit((w << 5) | (31 - Math.clz32(bit)))
    }
  }
}

/** visitSet of the slots passing every test. */
function visitPassing(bits: Uint32Array, words: number, tests: SlotTest[], visit: (slot: number) => void) {
  const n = tests.length
  for (let w = 0; w < words; w++) {
    let word = bits[w]
    while (word) {
      const bit = word & -word
      word ^= bit
      const slot = (w << 5) | (31 - Math.clz32(bit))
      let x = 0
      while (x < n && tests[x].pass[tests[x].codes[slot]]) x++
      if (x === n) visit(slot)
    }
  }
}

/**
 * Takes the live slots the match misses off the counts (value facets) and histograms (stats
 * facets); answers their number. Its own function: as a loop inside countByComplement, V8 compiled
 * it without feedback for the code after it and bailed out there on every call.
 */
function uncountMissing(
  alive: Uint32Array,
  matched: Uint32Array,
  vf: { codes: Int32Array; counts: Float64Array }[],
  sf: { codes: Int32Array }[],
  hist: Float64Array[]
): number {
  let missing = 0
  for (let w = 0; w < matched.length; w++) {
    let word = alive[w] & ~matched[w]
    while (word) {
      const bit = word & -word
      word ^= bit
      const slot = (w << 5) | (31 - Math.clz32(bit))
      missing++
      for (let x = 0; x < vf.length; x++) vf[x].counts[vf[x].codes[slot]]--
      for (let x = 0; x < sf.length; x++) hist[x][sf[x].codes[slot]]--
    }
  }
  return missing
}

/**
 * Whether these stats columns' sums come out the same in any order: whole numbers whose sum
 * stays exact in a double (then a sum from live counts equals the sum slot by slot).
 */
function complementSums(columns: ColumnValues[]): boolean {
  for (const col of columns) {
    let sum = 0
    for (let c = 1; c < col.num.length; c++) {
      if (!col.live[c]) continue
      const v = col.num[c]
      if (Number.isNaN(v)) continue
      if (!Number.isSafeInteger(v)) return false
      sum += Math.abs(v) * col.live[c]
    }
    if (sum > Number.MAX_SAFE_INTEGER) return false
  }
  return true
}

/**
 * The live slots passing one test, as a bitset, when the test fails fewer live slots than it passes
 * (then counting the failing ones from the live counts is the cheaper way); else undefined.
 */
function passingMostly(index: MemoryIndex, tests: SlotTest[]): Uint32Array | undefined {
  if (tests.length !== 1) return undefined
  const [t] = tests
  const by = t.col.slotsByCode(index.slots)
  let pass = 0
  let fail = 0
  for (let c = 0; c + 1 < by.start.length && c < t.pass.length; c++) {
    if (t.pass[c]) pass += by.start[c + 1] - by.start[c]
    else fail += by.start[c + 1] - by.start[c]
  }
  if (fail + (index.slots - by.covered) >= pass) return undefined
  const bits = index.alive.slice()
  for (let c = 0; c + 1 < by.start.length && c < t.pass.length; c++) {
    if (t.pass[c]) continue
    for (let k = by.start[c]; k < by.start[c + 1]; k++) {
      const slot = by.slots[k]
      bits[slot >> 5] &= ~(1 << (slot & 31))
    }
  }
  for (let slot = by.covered; slot < index.slots; slot++)
    if (!t.pass[t.codes[slot]]) bits[slot >> 5] &= ~(1 << (slot & 31))
  return bits
}

/**
 * Total and facet counts of a match set without filters from the live documents' counts per value
 * (MemoryIndex keeps them) minus the live documents that do not match; answers the total.
 */
function countByComplement(
  index: MemoryIndex,
  matched: Uint32Array,
  vf: { codes: Int32Array; counts: Float64Array; col: ColumnValues }[],
  sf: { codes: Int32Array; col: ColumnValues; mn: number; mx: number; sm: number; ct: number }[]
): number {
  for (const f of vf) f.counts.set(f.col.live)
  const hist = sf.map((f) => Float64Array.from(f.col.live))
  const missing = uncountMissing(index.alive, matched, vf, sf, hist)
  sf.forEach((f, x) => {
    const num = f.col.num
    for (let c = 1; c < num.length; c++) {
      const n = hist[x][c]
      if (!n || Number.isNaN(num[c])) continue
      if (num[c] < f.mn) f.mn = num[c]
      if (num[c] > f.mx) f.mx = num[c]
      f.sm += num[c] * n
      f.ct += n
    }
  })
  return index.liveCount - missing
}
