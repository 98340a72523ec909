import { describe, expect, it, vi } from "vitest"
import { CELL_CODES, MemoryIndex } from "./memory-index"
import { sortedCounts, statsCount, valueFacets } from "./facets"
import { keyCompare, pageCompare, TopSlots } from "./memory-order"
import { planMemorySearch, type MemoryOrderKey } from "./memory-plan"
import { SlotScorer, scoringPaths } from "./memory-scoring"
import { countBits, countingPaths, memorySearch, type MemorySearchInput } from "./memory-search"
import { shorterTiersPage } from "./memory-shortest-first"
import { nameRankPage, nameRankPaths } from "./memory-name-rank"
import { matchesWords } from "./memory-type-ahead"
import { buildTablePlan } from "./plan"
import { parseTsQuery, type TsNode } from "./ts-rank"

const plan = buildTablePlan("t", {
  primary_key: "id",
  fields: {
    title: { type: "text", searchable: { weight: 3 } },
    stars: { type: "integer", filterable: true, facetable: true, sortable: true },
    province: { type: "keyword", filterable: true, facetable: true },
    price: { type: "integer", filterable: true, facetable: true, sortable: true },
  },
})

let seed = 11
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]
const WORDS = ["nuoc", "mam", "tra", "tuyet", "mat", "ong", "qua", "tang", "che", "thai"]

/** A document as the load query gives it: a tsvector of random words, most with "qua" and "tang". */
/** Prices: 20 whole values, the same with cents, or 1,500 whole values (more than CELL_CODES). */
type Prices = "whole" | "cents" | "many"

function row(i: number, index: MemoryIndex, prices: Prices = "whole") {
  const words = Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => pick(WORDS))
  if (rnd() < 0.8) words.push("qua", "tang")
  const positions = new Map<string, string[]>()
  words.forEach((w, p) => {
    positions.set(w, [...(positions.get(w) ?? []), `${p + 1}${pick(["A", "B", ""])}`])
  })
  const tsv = [...positions.keys()]
    .sort()
    .map((w) => `'${w}':${positions.get(w)!.join(",")}`)
    .join(" ")
  const values: Record<string, string | null> = {
    stars: pick(["3", "4", "5"]),
    province: rnd() < 0.1 ? null : pick(["01", "48", "79"]),
    price:
      rnd() < 0.1
        ? null
        : prices === "many"
          ? String(20000 + ((i * 7919) % 1500) * 100)
          : String(20000 + Math.floor(rnd() * 20) * 5000 + (prices === "cents" ? 0.1 : 0)),
  }
  const out: Record<string, string | null> = { id: `p${String(i).padStart(4, "0")}`, tsv, accent: "" }
  index.columns.forEach((c, k) => {
    out[`c${k}`] = values[c.column.field]
  })
  return out
}

function catalogue(n: number, prices: Prices = "whole") {
  const index = new MemoryIndex(plan)
  for (let i = 0; i < n; i++) index.put(row(i, index, prices))
  return index
}

const FACETS = [
  { field: "province", type: "value" as const },
  { field: "stars", type: "value" as const },
  { field: "price", type: "stats" as const },
]

function input(index: MemoryIndex, q: string, filters: Record<string, unknown> = {}, take = 10): MemorySearchInput {
  const mplan = planMemorySearch(index.plan, filters, FACETS, new Set(), undefined)!
  return { query: parseTsQuery(q), accentKeys: [], facets: FACETS, disjunctive: new Set(), plan: mplan, take, skip: 0 }
}

/**
 * The answer slot by slot, as the SQL statement reads it: a slot failing one disjunctive filter
 * counts for that filter's facet only; stats summed in slot order; the page sorted key by key.
 */
function slotBySlot(index: MemoryIndex, search: MemorySearchInput) {
  const matched = search.query ? index.match(search.query) : index.alive
  const tests = search.plan.tests.map((t) => ({ ...t, col: index.column(t.field)! }))
  const counts = new Map(FACETS.map((f) => [f.field, new Map<string, number>()]))
  const price = { mn: Number.POSITIVE_INFINITY, mx: Number.NEGATIVE_INFINITY, sm: 0, ct: 0 }
  const scorer = new SlotScorer(index, search)
  const scores = new Float64Array(index.slots)
  const passing: number[] = []
  for (let s = 0; s < index.slots; s++) {
    if (!(matched[s >> 5] & (1 << (s & 31)))) continue
    const failed = tests.filter((t) => {
      const c = t.col.codes.a[s]
      return !t.test(t.col.text[c], t.col.num[c])
    })
    if (failed.length > 1 || failed.some((t) => !t.disjunctive)) continue
    const own = failed[0]?.field
    for (const f of FACETS) {
      if (own && own !== f.field) continue
      const col = index.column(f.field)!
      const text = col.text[col.codes.a[s]]
      if (f.type === "stats") {
        const v = col.num[col.codes.a[s]]
        if (Number.isNaN(v)) continue
        price.mn = Math.min(price.mn, v)
        price.mx = Math.max(price.mx, v)
        price.sm += v
        price.ct++
      } else if (text !== null) counts.get(f.field)!.set(text, (counts.get(f.field)!.get(text) ?? 0) + 1)
    }
    if (own) continue
    scores[s] = search.query ? scorer.score(s) : 0
    passing.push(s)
  }
  const row: Record<string, unknown> = { total: passing.length }
  for (const { f, i, limit } of valueFacets(FACETS)) row[`f${i}`] = sortedCounts(counts.get(f.field)!, limit)
  row.f2 = statsCount(price.mn, price.mx, price.sm, price.ct)
  const keys = search.query ? search.plan.order : search.plan.order.filter((k) => k.field !== "_score")
  const page = passing.sort(keyCompare(index, keys, scores)).slice(search.skip, search.skip + search.take)
  return { row, page: page.map((s) => ({ id: index.ids[s], score: scores[s] })), passing: passing.length }
}

describe("in-process page order", () => {
  it("compares by places in the presorted order exactly as key by key, also for slots written since", () => {
    const index = catalogue(300)
    const scores = index.scores()
    for (let s = 0; s < index.slots; s++) scores[s] = Math.floor(rnd() * 3)
    const orders: MemoryOrderKey[][] = [
      [{ field: "_score", desc: true }],
      [
        { field: "_score", desc: true },
        { field: "stars", desc: true },
      ],
      [{ field: "price", desc: false }],
      [
        { field: "stars", desc: true },
        { field: "_score", desc: true },
      ],
    ]
    for (const order of orders) pageCompare(index, order, scores) // sorts the orders once
    for (let i = 0; i < 40; i++) index.put(row(i * 7, index)) // rewrites: dead slots and new ones
    for (let s = 0; s < index.slots; s++) scores[s] = Math.floor(rnd() * 3)
    const live = Array.from({ length: index.slots }, (_, s) => s).filter((s) => index.alive[s >> 5] & (1 << (s & 31)))
    for (const order of orders) {
      const fast = pageCompare(index, order, scores)
      const slow = keyCompare(index, order, scores)
      for (let k = 0; k < 2000; k++) {
        const a = pick(live)
        const b = pick(live)
        expect(Math.sign(fast(a, b)), JSON.stringify({ order, a, b })).toBe(Math.sign(slow(a, b)))
      }
    }
  })

  it("breaks ties by id: by slot among the slots loaded in id order, by the ids themselves after", () => {
    const index = catalogue(200)
    for (let i = 0; i < 20; i++) index.put(row(i * 9, index))
    expect(index.idSorted).toBe(200)
    const byId = keyCompare(index, [], index.scores())
    for (let k = 0; k < 2000; k++) {
      const a = Math.floor(rnd() * index.slots)
      const b = Math.floor(rnd() * index.slots)
      const [ia, ib] = [index.ids[a], index.ids[b]]
      if (ia !== ib) expect(Math.sign(byId(a, b)), `${ia} ${ib}`).toBe(ia < ib ? -1 : 1)
    }
  })
})

describe("in-process search", () => {
  it("matches a short prefix from its kept bitset as from the postings, also after writes", () => {
    const index = catalogue(700)
    const byPostings = (prefix: string) => {
      const bits = new Uint32Array(index.alive.length)
      for (const w of index.lexemes(prefix, true)) {
        const p = index.terms.get(w)!
        for (let k = 0; k < p.slots.n; k++) bits[p.slots.a[k] >> 5] |= 1 << (p.slots.a[k] & 31)
      }
      return bits.map((b, w) => b & index.alive[w])
    }
    for (const prefix of ["t", "tr", "qu", "mat", "x"])
      expect(index.match(parseTsQuery(`${prefix}:*`)!)).toEqual(byPostings(prefix))
    for (let i = 0; i < 90; i++) index.put(row(i * 5, index)) // new slots, dead ones, more words
    index.remove("p0001")
    for (const prefix of ["t", "tr", "qu", "mat", "x"]) {
      const got = index.match(parseTsQuery(`${prefix}:*`)!)
      expect(got, prefix).toEqual(byPostings(prefix))
      expect(index.match(parseTsQuery(`qua & ${prefix}:*`)!), prefix).toEqual(
        byPostings("qua").map((b, w) => b & got[w])
      )
    }
  })

  it("counts a match of most documents from the live counts as the slot-by-slot pass does", () => {
    const index = catalogue(500)
    for (let i = 0; i < 30; i++) index.put(row(i * 3, index))
    index.remove("p0100")
    // "qua" matches most documents; a filter every document passes makes the pass go slot by slot
    const dense = memorySearch(index, input(index, "qua"))
    const slotBySlot = memorySearch(index, input(index, "qua", { stars: ["3", "4", "5"] }))
    expect(dense.row.total).toBeGreaterThan(index.liveCount / 2)
    expect(dense).toEqual(slotBySlot)
  })

  it("scores a first operand of several lexemes through the last one a document holds, as merging them all", () => {
    const index = catalogue(800)
    // "m" (mam, mat) and "t" (tang, thai, tra, tuyet) sort first;
    // "(m:* | tuyet)" leaves some matches without an "m" word
    for (const q of ["tang & m:*", "tuyet & t:*", "qua & tang & m:*", "(m:* | tuyet) & qua"]) {
      for (const filters of [{}, { stars: 5 }]) {
        const search = input(index, q, filters, 15)
        const got = memorySearch(index, search).page
        const all = memorySearch(index, { ...search, take: 1000 }).page
        const slots = all.map((h) => index.slotOf.get(h.id)!).sort((a, b) => a - b)
        // every lexeme's cursor merged per slot (slots in ascending order), then sorted key by key
        const scorer = new SlotScorer(index, search)
        const scores = new Float64Array(index.slots)
        for (const s of slots) scores[s] = scorer.score(s)
        expect(all.length).toBeGreaterThan(15)
        expect(all, q).toEqual(all.map((h) => ({ id: h.id, score: scores[index.slotOf.get(h.id)!] })))
        expect(got, q).toEqual(
          slots
            .sort(keyCompare(index, search.plan.order, scores))
            .slice(0, 15)
            .map((s) => ({ id: index.ids[s], score: scores[s] }))
        )
      }
    }
  })

  it("skips slots whose score cap loses to the page without changing the page", () => {
    const index = catalogue(800)
    for (const q of ["qua & tang", "nuoc & mam", "tra & qua & tang"]) {
      const search = input(index, q, {}, 15)
      const got = memorySearch(index, search).page
      // every matched slot scored, sorted key by key
      const scorer = new SlotScorer(index, search)
      expect(scorer.bounded).toBe(true)
      const matched = index.match(parseTsQuery(q)!)
      const scores = new Float64Array(index.slots)
      const slots: number[] = []
      for (let s = 0; s < index.slots; s++) {
        if (!(matched[s >> 5] & (1 << (s & 31)))) continue
        scores[s] = scorer.score(s)
        expect(scorer.bound(s)).toBeGreaterThanOrEqual(scores[s])
        slots.push(s)
      }
      const want = slots.sort(keyCompare(index, search.plan.order, scores)).slice(0, 15)
      expect(got, q).toEqual(want.map((s) => ({ id: index.ids[s], score: scores[s] })))
    }
  })

  it("scores a second set of slots after rewind as a fresh scorer does (the tiers of a page)", () => {
    const index = catalogue(600)
    for (let i = 0; i < 30; i++) index.put(row(i * 13, index))
    for (const q of ["m:*", "qua | tra", "tang & m:*", "qua & tang & t:*", "(m:* | tuyet) & qua"]) {
      const search = input(index, q)
      const matched = index.match(parseTsQuery(q)!)
      // the upper half of the match first, then the lower half, as tiers come
      const half = (upper: boolean) => {
        const bits = new Uint32Array(matched.length)
        for (let s = 0; s < index.slots; s++)
          if (matched[s >> 5] & (1 << (s & 31)) && s >= index.slots / 2 === upper) bits[s >> 5] |= 1 << (s & 31)
        return bits
      }
      const slotsOf = (bits: Uint32Array) => {
        const out: number[] = []
        for (let s = 0; s < index.slots; s++) if (bits[s >> 5] & (1 << (s & 31))) out.push(s)
        return out
      }
      const fresh = new SlotScorer(index, search)
      const want = slotsOf(matched).map((s) => fresh.score(s))
      const tiered = new SlotScorer(index, search)
      const got = new Map<number, number>()
      for (const upper of [true, false]) {
        const bits = half(upper)
        tiered.rewind()
        tiered.gatherTermAtATime(bits, countBits(bits))
        for (const s of slotsOf(bits)) got.set(s, tiered.score(s))
      }
      expect(
        slotsOf(matched).map((s) => got.get(s)),
        q
      ).toEqual(want)
    }
  })

  it("scores one entry per operand (a word and a last word begun) as the general path does", () => {
    const index = catalogue(800)
    for (let i = 0; i < 20; i++) index.put(row(i * 11, index))
    index.remove("p0022")
    const cases: [string, string[], string?][] = [
      ["tang & m:*", []], // the first operand stands for many lexemes: its last one per slot
      ["qua & tang", ["quà"]],
      ["nuoc & m:*", [], "nuoc & mam"],
      ["(qua | tra) & tang", [], "qua & tang"], // a document lacks an operand
      ["che & qua & thai", []],
    ]
    index.put({ ...row(900, index), accent: "quà" })
    const oneEach = vi.spyOn(SlotScorer.prototype as unknown as { scoreOneEach: () => number }, "scoreOneEach")
    try {
      for (const [q, accentKeys, typed] of cases) {
        const search = { ...input(index, q), accentKeys, typed: typed ? parseTsQuery(typed) : undefined }
        const matched = index.match(search.query!)
        const slots: number[] = []
        for (let s = 0; s < index.slots; s++) if (matched[s >> 5] & (1 << (s & 31))) slots.push(s)
        const scoresBy = (one: boolean) => {
          scoringPaths.oneEach = one
          const scorer = new SlotScorer(index, search)
          scorer.gatherTermAtATime(matched, slots.length)
          return slots.map((s) => scorer.score(s))
        }
        oneEach.mockClear()
        const fast = scoresBy(true)
        expect(oneEach.mock.calls.length, q).toBe(slots.length)
        oneEach.mockClear()
        expect(fast, q).toEqual(scoresBy(false))
        expect(oneEach.mock.calls.length, q).toBe(0)
        expect(new Set(fast).size, q).toBeGreaterThan(3)
      }
    } finally {
      scoringPaths.oneEach = true
      oneEach.mockRestore()
    }
  })

  it("pages two or more words without filters a tier of lengths at a time, shorter first, like the full pass", () => {
    // documents of many lengths, as a catalogue's descriptions are: words that match nothing added
    const padded = (i: number, accent = "", words = Math.floor(rnd() * 40)) => {
      const r = row(i, index)
      const filler = Array.from({ length: words }, (_, k) => `'zz${k}':${20 + k}`)
      return { ...r, tsv: [r.tsv, ...filler].join(" "), accent }
    }
    const index = new MemoryIndex(plan)
    for (let i = 0; i < 900; i++) index.put(padded(i))
    index.lengthTiers()
    // written since the tiers were built, some with an exact-accent key, half of them among the
    // shortest (in no tier: the first tier scores them); one removed
    for (let i = 0; i < 60; i++) index.put(padded(i * 7, i % 3 ? "" : "quà", i % 2 ? undefined : 0))
    index.remove("p0007")
    const cases: [string, string[], string?][] = [
      ["qua & tang", []],
      ["qua & tang", ["quà"]],
      ["nuoc & m:*", []],
      ["tang & m:*", ["quà"]],
      ["qua & tang & t:*", []],
      ["(qua | tra) & tang", [], "qua & tang"],
    ]
    const scoredShares: number[] = []
    for (const [q, accentKeys, typed] of cases) {
      for (const [skip, take] of [
        [0, 16],
        [3, 5],
      ]) {
        const search = {
          ...input(index, q, {}, take),
          facets: [],
          accentKeys,
          typed: typed ? parseTsQuery(typed) : undefined,
          skip,
        }
        const full = memorySearch(index, search).page
        expect(full.length, q).toBe(take)
        expect(memorySearch(index, { ...search, pageOnly: true }).page, `${q} ${accentKeys}`).toEqual(full)
        const scores = index.scores()
        const matched = index.match(search.query!)
        // and it came from the tiers, scoring fewer matches than all where the page's scores allow
        const tiersScorer = new SlotScorer(index, search)
        const score = tiersScorer.score.bind(tiersScorer)
        let scored = 0
        tiersScorer.score = (slot) => {
          scored++
          return score(slot)
        }
        const tiers = shorterTiersPage(
          index,
          matched,
          tiersScorer,
          new TopSlots(skip + take, pageCompare(index, search.plan.order, scores)),
          scores
        )
        expect(
          tiers.slice(skip).map((s) => index.ids[s]),
          `${q} by tiers`
        ).toEqual(full.map((h) => h.id))
        scoredShares.push(scored / countBits(matched))
      }
    }
    expect(index.lengthTiers().tiers.length).toBeGreaterThan(2)
    // the tiers stop before the longest documents where the page's scores allow it
    expect(Math.min(...scoredShares)).toBeLessThan(0.5)

    // the same catalogue searched with and without facets and filters, AND- and OR-ranked (the full
    // pass, or without filters the tiers): the page of every passing match scored and sorted key by key
    const searches = ["qua & tang", "qua", "m:*", "qua | tra"].flatMap((q) =>
      [{}, { stars: "5" }, { province: ["01", "79"] }].flatMap((filters) => {
        const search = input(index, q, filters, 12)
        // with facets (counted by the complement when the match is most documents) and without
        return [search, { ...search, facets: [] }]
      })
    )
    for (const search of searches) {
      const filters = search.plan.tests.map((t) => t.field)
      const scorer = new SlotScorer(index, search)
      const matched = index.match(search.query!)
      const scores = new Float64Array(index.slots)
      const passing: number[] = []
      for (let s = 0; s < index.slots; s++) {
        if (!(matched[s >> 5] & (1 << (s & 31)))) continue
        const passes = search.plan.tests.every((t) => {
          const col = index.column(t.field)!
          const code = col.codes.a[s]
          return t.test(col.text[code], col.num[code])
        })
        if (!passes) continue
        scores[s] = scorer.score(s)
        passing.push(s)
      }
      const want = passing.sort(keyCompare(index, search.plan.order, scores)).slice(0, 12)
      expect(want.length).toBe(12)
      expect(
        memorySearch(index, search).page,
        `${JSON.stringify(search.query)} ${filters} ${search.facets.length}`
      ).toEqual(want.map((s) => ({ id: index.ids[s], score: scores[s] })))
    }
  })

  it("counts disjunctive facets, pages from the filters' values' slots as a pass over all slots (words or not)", () => {
    const index = catalogue(1500)
    for (const f of FACETS) index.column(f.field)?.slotsByCode(index.slots) // sorted now: what follows is written since
    for (let i = 0; i < 60; i++) index.put(row(i * 11, index))
    index.remove("p0200")
    const cases: [string | undefined, Record<string, unknown>, Record<string, "ASC" | "DESC">?][] = [
      // without words (filter-only browsing): counted here too, the page from the presorted order
      [undefined, {}],
      [undefined, { province: "48" }],
      [undefined, { price: { $gte: 40000, $lte: 90000 } }, { price: "ASC" }],
      [undefined, { province: ["01", "79"], stars: ["4", "5"] }, { stars: "DESC" }],
      [undefined, { province: null, price: { $gte: 30000 } }],
      // one filter most documents pass: counted from the live counts minus the documents it fails
      [undefined, { price: { $gte: 30000 } }, { price: "DESC" }],
      [undefined, { stars: ["4", "5"], price: { $gte: 30000 } }],
      ["qua", { province: "48" }],
      ["qua", { province: ["01", "79"], stars: "5" }],
      ["qua & tang", { province: "01", stars: ["4", "5"], price: { $gte: 40000, $lte: 90000 } }],
      ["nuoc", { stars: "3" }],
      ["tra | qua", { province: null }],
      // words without filters: by relevance the page comes from the tiers, the counts from a visit
      ["qua", {}],
      ["nuoc | tra", {}, { stars: "DESC" }],
    ]
    // disjunctive facets or not; then again after more writes (the kept cells are extended)
    const rounds = [new Set(FACETS.map((f) => f.field)), new Set<string>(), new Set(["stars", "price"])]
    for (const [round, disjunctive] of rounds.entries()) {
      if (round === 2) {
        for (let i = 0; i < 40; i++) index.put(row(i * 7, index))
        index.remove("p0300")
      }
      for (const [q, filters, order] of cases) {
        const mplan = planMemorySearch(index.plan, filters, FACETS, disjunctive, order)!
        const search = {
          query: q === undefined ? undefined : parseTsQuery(q),
          accentKeys: [],
          facets: FACETS,
          disjunctive,
          plan: mplan,
          take: 12,
          skip: 0,
        }
        const { row: want, page, passing } = slotBySlot(index, search)
        // with words, counted from the cells (each cell's matched documents) and slot by slot
        const got = memorySearch(index, search)
        for (const words of ["cells", "slots"] as const) {
          countingPaths.words = words
          const forced = memorySearch(index, search)
          countingPaths.words = "auto"
          expect(forced.row, `${q} ${JSON.stringify(filters)} ${words}`).toEqual(want)
          expect(forced.page).toEqual(page)
        }
        expect(got.row, `${q} ${JSON.stringify(filters)}`).toEqual(want)
        expect(got.page).toEqual(page)
        // without words, the page alone (pageOnly) is the same page
        if (!search.query) expect(memorySearch(index, { ...search, pageOnly: true }).page).toEqual(got.page)
        expect(passing, `${q} ${JSON.stringify(filters)} matches`).toBeGreaterThan(0)
      }
    }
  })

  it("counts a search without words from the cells of the columns it reads as slot by slot, also after kills", () => {
    // whole prices: counted from the cells, also with more prices than CELL_CODES (price keyed
    // last); prices with cents: their sums depend on the order, so counted slot by slot
    // (countByCells or set by set) and the cells holding price are never built
    for (const prices of ["whole", "many", "cents"] as const) {
      const index = catalogue(4000, prices)
      const built: string[][] = []
      const cells = index.cells.bind(index)
      index.cells = (columns) => {
        built.push(columns.map((c) => c.column.field))
        return cells(columns)
      }
      const disjunctive = new Set(FACETS.map((f) => f.field))
      const cases: [Record<string, unknown>, Record<string, "ASC" | "DESC">?][] = [
        [{ stars: ["4", "5"], price: { $gte: 40000, $lte: 90000 } }, { price: "ASC" }],
        [{ stars: "5" }],
        [{ province: "48", stars: "3" }, { stars: "DESC" }],
        [{ province: null, price: { $lt: 30000 } }, { price: "DESC" }],
        [{ province: "01", stars: "5", price: { $gte: 110000 } }],
        [{ province: "nowhere" }],
      ]
      const check = () => {
        for (const [filters, order] of cases)
          for (const asked of [disjunctive, new Set<string>()]) {
            const mplan = planMemorySearch(index.plan, filters, FACETS, asked, order)!
            const search = {
              query: undefined,
              accentKeys: [],
              facets: FACETS,
              disjunctive: asked,
              plan: mplan,
              take: 7,
              skip: 2,
            }
            const { row, page } = slotBySlot(index, search)
            const got = memorySearch(index, search)
            expect(got.row, `${prices} ${JSON.stringify(filters)}`).toEqual(row)
            expect(got.page, `${prices} ${JSON.stringify(filters)}`).toEqual(page)
          }
      }
      check()
      // kills of counted slots (removes, and puts replacing a document) after the cells were built
      for (let i = 0; i < 300; i += 3) index.remove(`p${String(i).padStart(4, "0")}`)
      for (let i = 1; i < 200; i += 4) index.put(row(i, index, prices))
      check()
      const withPrice = built.filter((fields) => fields.includes("price"))
      if (prices === "cents") expect(withPrice).toEqual([])
      else expect(withPrice.length).toBeGreaterThan(0)
      if (prices === "many") expect(index.column("price")!.text.length).toBeGreaterThan(CELL_CODES)
    }
  })

  it("keeps each slot's cell (its combination of codes) and each cell's live documents across writes", () => {
    const index = catalogue(1500, "many")
    const [province, stars, price] = ["province", "stars", "price"].map((f) => index.column(f)!)
    expect(price.text.length).toBeGreaterThan(CELL_CODES)
    // a column of many values (price) or more columns than one number key holds: the key so far is
    // numbered before each further column (the same cells)
    for (const columns of [
      [province, stars],
      [province, stars, price],
      [stars, province, stars, province, stars, province, price],
    ]) {
      const check = () => {
        const cells = index.cells(columns)!
        const seen = new Map<string, number>()
        const live = new Map<number, number>()
        for (let s = 0; s < index.slots; s++) {
          const codes = columns.map((c) => c.codes.a[s])
          const key = codes.join(",")
          expect(seen.get(key) ?? cells.slots[s]).toBe(cells.slots[s])
          seen.set(key, cells.slots[s])
          expect(columns.map((_, k) => cells.codes[k][cells.slots[s]])).toEqual(codes)
          if (index.alive[s >> 5] & (1 << (s & 31))) live.set(cells.slots[s], (live.get(cells.slots[s]) ?? 0) + 1)
        }
        expect(cells.count).toBe(seen.size)
        for (let c = 0; c < cells.count; c++) expect(cells.live[c]).toBe(live.get(c) ?? 0)
      }
      check()
      for (let i = 0; i < 50; i++) index.put(row(i * 5, index))
      index.remove("p0007")
      check()
    }
  })
})

describe("in-process type-ahead ranked by the name", () => {
  /** A document of a tsvector, stars and accent keys (its other columns empty). */
  const putProduct =
    (index: MemoryIndex) =>
    (id: string, tsv: string, stars: string, accent = "") => {
      const r: Record<string, string | null> = { id, tsv, accent }
      index.columns.forEach((c, k) => {
        r[`c${k}`] = c.column.field === "stars" ? stars : null
      })
      index.put(r)
    }

  /** A row's weight-A entries (its name) as [word, position], read from its tsvector text, not the index. */
  const nameEntries = (tsv: string) =>
    [...tsv.matchAll(/'([^']+)':([^ ]+)/g)].flatMap(([, w, positions]) =>
      positions
        .split(",")
        .filter((p) => p.endsWith("A"))
        .map((p) => [w, Number.parseInt(p, 10)] as const)
    )
  const nameWords = (tsv: string) => nameEntries(tsv).map(([w]) => w)
  /** Postgres' `a:A <-> b:*A …`: the operands' words at consecutive positions of the name. */
  const holdsPhrase = (tsv: string, chain: TsNode[]) => {
    const at = new Map(nameEntries(tsv).map(([w, p]) => [p, w]))
    const fits = (node: TsNode, w: string | undefined): boolean =>
      w !== undefined &&
      ("term" in node ? (node.prefix ? w.startsWith(node.term) : w === node.term) : node.kids.some((k) => fits(k, w)))
    return [...at.keys()].some((p) => chain.every((node, k) => fits(node, at.get(p + k))))
  }

  it("pages as scoring every match by its name, typed words and accent keys, sorted key by key", () => {
    const index = new MemoryIndex(plan)
    const rows = new Map<string, Record<string, string | null>>()
    const put = (i: number) => {
      const r = row(i, index)
      // an exact-accent key on some documents (0.5 each)
      r.accent = rnd() < 0.3 ? " mật " : rnd() < 0.2 ? " mật quà " : ""
      rows.set(r.id!, r)
      index.put(r)
    }
    for (let i = 0; i < 1500; i++) put(i)
    const order: MemoryOrderKey[] = [
      { field: "_score", desc: true },
      { field: "stars", desc: true },
    ]
    const stars = index.column("stars")!
    const queries = [
      { q: "qua & t:*", accentKeys: ["quà"], phrase: true },
      { q: "mat & o:*", accentKeys: ["mật"], phrase: true },
      { q: "(mam | mat) & o:*", typed: "mam & o:*", accentKeys: [], phrase: true },
      // typed words (1) tie two accent keys (0.5 each): one level
      { q: "(mam | mat) & o:*", typed: "mam & o:*", accentKeys: ["mật", "quà"], phrase: true },
      { q: "t:*", accentKeys: [], phrase: false },
      { q: "nuoc & mam & t:*", accentKeys: ["mật", "quà"], phrase: true },
      { q: "qua & tang", accentKeys: [], phrase: false },
    ]
    let round = 0
    let phrases = 0
    const paths = { ...nameRankPaths }
    for (const written of [0, 40]) {
      // slots written since the stars order was sorted, and some killed
      for (let k = 0; k < written; k++) put(1500 + round * 100 + k)
      for (let k = 0; k < written / 4; k++) index.remove(`p${String(Math.floor(rnd() * 1500)).padStart(4, "0")}`)
      round++
      for (const { q, typed, accentKeys, phrase: inRow } of queries)
        for (const [take, skip] of [
          [8, 0],
          [5, 3],
          [40, 0],
        ]) {
          const query = parseTsQuery(q)!
          const typedNode = typed ? parseTsQuery(typed) : undefined
          const nameWeight = 1 + 0.5 * accentKeys.length
          const phrase = inRow && "kids" in query ? query.kids : undefined
          const rank = { query, typed: typedNode, phrase, accentKeys, nameWeight, order }
          // each level slot by slot, and each level in the presorted order until the page is full
          const pages = (["auto", "slots", "order"] as const).map((levels) => {
            nameRankPaths.levels = levels
            return nameRankPage(index, { ...rank, take, skip })
          })
          Object.assign(nameRankPaths, paths)
          const got = pages[0]
          const matched = index.match(query)
          const typedMatch = typedNode && index.match(typedNode)
          const expected: { slot: number; score: number }[] = []
          for (let s = 0; s < index.slots; s++) {
            if (!(matched[s >> 5] & (1 << (s & 31)))) continue
            const r = rows.get(index.ids[s])!
            let score = matchesWords(query, nameWords(r.tsv!)) ? nameWeight : 0
            if (score && phrase && holdsPhrase(r.tsv!, phrase)) score += nameWeight
            if (typedMatch && typedMatch[s >> 5] & (1 << (s & 31))) score += 3 * nameWeight
            for (const key of accentKeys) if (r.accent!.includes(` ${key} `)) score += 0.5
            expected.push({ slot: s, score })
          }
          const starsOf = (s: number) => stars.num[stars.codes.a[s]]
          expected.sort(
            (a, b) =>
              b.score - a.score || starsOf(b.slot) - starsOf(a.slot) || (index.ids[a.slot] < index.ids[b.slot] ? -1 : 1)
          )
          const label = `${q} take ${take} skip ${skip}, ${written} written since`
          for (const [k, page] of pages.entries())
            expect(page, `${label}, path ${k}`).toEqual(expected.slice(skip, skip + take))
          expect(got.length, label).toBeGreaterThan(0)
          if (phrase) phrases += expected.filter((e) => e.score % (3 * nameWeight) >= 2 * nameWeight).length
        }
      // the stars order is sorted on the first ask: later rounds have slots written since it
      index.ordered("stars DESC", keyCompare(index, [{ field: "stars", desc: true }], index.scores()), true)
    }
    // the catalogue has names holding the words in a row, and the pages rank them first
    expect(phrases).toBeGreaterThan(50)
  })

  it("levels the page by how many accent keys a match holds, for up to 15 keys and for more", () => {
    for (const keyCount of [3, 15, 17]) {
      const index = new MemoryIndex(plan)
      const put = putProduct(index)
      const keys = Array.from({ length: keyCount }, (_, k) => `mật${k}`)
      const held = new Map<string, number>()
      for (let i = 0; i < 300; i++) {
        // documents holding 0 to every key (a key counted once however often it is held)
        const some = keys.filter(() => rnd() < (i % 3) / 2)
        const id = `p${String(i).padStart(4, "0")}`
        held.set(id, some.length)
        put(id, `'mat':1A 'ong':2${i % 5 ? "A" : ""}`, String(3 + (i % 3)), ` ${some.join(" ")} `)
      }
      const order: MemoryOrderKey[] = [
        { field: "_score", desc: true },
        { field: "stars", desc: true },
      ]
      const stars = index.column("stars")!
      const starsOf = (s: number) => stars.num[stars.codes.a[s]]
      const nameWeight = 1 + 0.5 * keyCount
      const expected = [...held].map(([id, n]) => {
        const slot = index.slotOf.get(id)!
        const inName = Number(id.slice(1)) % 5 !== 0
        return { slot, score: (inName ? 2 * nameWeight : 0) + 0.5 * n }
      })
      expected.sort(
        (a, b) =>
          b.score - a.score || starsOf(b.slot) - starsOf(a.slot) || (index.ids[a.slot] < index.ids[b.slot] ? -1 : 1)
      )
      const query = parseTsQuery("mat & o:*")!
      for (const [take, skip] of [
        [8, 0],
        [60, 100],
        [300, 0],
      ]) {
        const page = nameRankPage(index, {
          query,
          phrase: "kids" in query ? query.kids : undefined,
          accentKeys: keys,
          nameWeight,
          order,
          take,
          skip,
        })
        expect(page, `${keyCount} keys, take ${take} skip ${skip}`).toEqual(expected.slice(skip, skip + take))
      }
      // the page reached levels below the best one
      expect(new Set(expected.slice(0, 160).map((e) => e.score)).size).toBeGreaterThan(3)
    }
  })

  it("fills the page from name matches before any other match, whatever the bonuses", () => {
    const index = new MemoryIndex(plan)
    const put = putProduct(index)
    // "mat ong" in the description only, 5 stars and the accent key; in the name, 3 stars
    put("a", "'mat':3 'ong':4 'qua':1A", "5", " mật ")
    put("b", "'mat':1A 'ong':2A", "3")
    put("c", "'mat':1A 'ong':5", "4")
    const order: MemoryOrderKey[] = [
      { field: "_score", desc: true },
      { field: "stars", desc: true },
    ]
    const page = nameRankPage(index, {
      query: parseTsQuery("mat & o:*")!,
      accentKeys: ["mật"],
      nameWeight: 1.5,
      order,
      take: 8,
      skip: 0,
    })
    // c's name holds "mat" but not "ong": no name match, and no accent key
    expect(page.map((p) => index.ids[p.slot])).toEqual(["b", "a", "c"])
    expect(page.map((p) => p.score)).toEqual([1.5, 0.5, 0])
  })

  it("puts the words as typed before a typo's guess, whatever the accents, the name and the stars", () => {
    const index = new MemoryIndex(plan)
    const put = putProduct(index)
    put("typed", "'mam':1 'ong':2", "3", "") // the words as typed: 3 × 2
    put("accents", "'mat':1A 'ong':2A", "5", " mật quà ") // a typo's guess in a row in the name, two accent keys
    for (const levels of ["slots", "order"] as const) {
      nameRankPaths.levels = levels
      const page = nameRankPage(index, {
        query: parseTsQuery("(mam | mat) & o:*")!,
        typed: parseTsQuery("mam & o:*"),
        accentKeys: ["mật", "quà"],
        nameWeight: 2,
        phrase: [parseTsQuery("mam | mat")!, parseTsQuery("o:*")!],
        order: [
          { field: "_score", desc: true },
          { field: "stars", desc: true },
        ],
        take: 2,
        skip: 0,
      })
      // the guess: a phrase in the name (2 + 2) and two accent keys (1), still below 6
      expect(page.map((p) => [index.ids[p.slot], p.score])).toEqual([
        ["typed", 6],
        ["accents", 5],
      ])
    }
    nameRankPaths.levels = "auto"
  })

  it("ranks a name holding the words in a row before one holding them apart, whatever the stars", () => {
    const index = new MemoryIndex(plan)
    const put = putProduct(index)
    put("may-loc-nuoc", "'gom':4A 'loc':2A 'may':1A 'nuoc':3A", "5") // "Máy lọc nước gốm"
    put("nuoc-mam", "'mam':2A 'nuoc':1A 'phu':3A", "3") // "Nước mắm Phú …"
    put("banh-nuoc", "'banh':1A 'nuoc':2A 'mam':3C", "4") // "nước" ends the name, "mắm" in the description
    const query = parseTsQuery("nuoc & m:*")!
    const page = nameRankPage(index, {
      query,
      phrase: "kids" in query ? query.kids : undefined,
      accentKeys: [],
      nameWeight: 1,
      order: [
        { field: "_score", desc: true },
        { field: "stars", desc: true },
      ],
      take: 8,
      skip: 0,
    })
    expect(page.map((p) => [index.ids[p.slot], p.score])).toEqual([
      ["nuoc-mam", 2],
      ["may-loc-nuoc", 1],
      ["banh-nuoc", 0],
    ])

    // three words: followed word to word, each at the next position
    put("nuoc-mam-phu", "'nuoc':1A 'mam':2A 'phu':3A", "3")
    put("nuoc-mam-mam-phu", "'nuoc':1A 'mam':2A,3A 'phu':4A", "5") // "mắm" twice: no "nước mắm p…" in a row
    put("nuoc-x-mam-phu", "'nuoc':1A,3A 'mam':4A 'phu':5A 'x':2A", "4") // in a row from the second "nước"
    const three = parseTsQuery("nuoc & mam & p:*")!
    const inRow = index.phraseBits("kids" in three ? three.kids : [])!
    const held = ["nuoc-mam-phu", "nuoc-mam-mam-phu", "nuoc-x-mam-phu", "nuoc-mam"].map((id) => {
      const slot = index.slotOf.get(id)!
      return [id, (inRow[slot >> 5] & (1 << (slot & 31))) !== 0]
    })
    expect(held).toEqual([
      ["nuoc-mam-phu", true],
      ["nuoc-mam-mam-phu", false],
      ["nuoc-x-mam-phu", true],
      ["nuoc-mam", true], // 'phu':3A
    ])

    // a first word with alternatives (a typo's guesses): each one's entries are followed from the
    // lowest slot, not from where the one before left the later words' cursors
    put("nuoi-mam-phu", "'nuoi':1A 'mam':2A 'phu':3A", "3") // "nuoi" after "nuoc" in byte order, …
    put("nuoc-mam-phan", "'nuoc':1A 'mam':2A 'phan':3A", "3") // … but in a lower slot than this one
    const guesses = parseTsQuery("(nuoc | nuoi) & mam & p:*")!
    const guessed = index.phraseBits("kids" in guesses ? guesses.kids : [])!
    const slots = ["nuoi-mam-phu", "nuoc-mam-phan", "nuoc-mam-phu"].map((id) => index.slotOf.get(id)!)
    expect(slots[0]).toBeLessThan(slots[1])
    expect(slots.map((slot) => (guessed[slot >> 5] & (1 << (slot & 31))) !== 0)).toEqual([true, true, true])
  })
})
