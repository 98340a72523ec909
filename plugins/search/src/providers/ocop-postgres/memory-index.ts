/**
 * The in-process index of one search table: every listed document's lexemes with their positions
 * (parsed from the table's own tsvector, so matching and ts_rank are exactly Postgres'), its accent
 * keys and its scalar columns, held in typed arrays. A text search (./memory-search) then matches,
 * ranks and counts facets in one JS pass instead of a Postgres scan of the match set; the page's
 * stored documents still come from "<table>_doc".
 *
 * Postgres stays the truth: ./memory-index-follower loads this index in the background and keeps
 * it in step with "<table>_chg", the change log every write of any process appends to.
 */
import type { PlannedColumn, TablePlan } from "./plan"
import {
  andInto,
  ColumnValues,
  Growable,
  GrowableF64,
  NamePostings,
  orInto,
  Postings,
  REORDER_AFTER,
} from "./memory-storage"
import { log2Length, parseTsVector, type TsNode } from "./ts-rank"
import { KeptTypeAhead, WriteTrail, type WrittenWords } from "./memory-type-ahead"

/** A column with fewer codes than this can be a cell column (MemoryIndex.cells). */
export const CELL_CODES = 1024
/** Leading columns of fewer than CELL_CODES codes make one exact number key (5 × 10 bits). */
const KEY_COLUMNS = 5
/**
 * Codes a column after those may have (a price: thousands of values in a real catalogue): a cell
 * key takes each such column in a step, (cell so far, below 2^31) × WIDE_CODES + code, still exact.
 */
const WIDE_CODES = 1 << 21
/** At most this many cell columns and kept sets of them. */
const MAX_CELL_COLUMNS = 8
const MAX_CELL_SETS = 4

/**
 * Each slot's cell (its combination of some columns' codes), each cell's code per column and its
 * live documents (kept on every write, like ColumnValues.live).
 */
export type SlotCells = { slots: Int32Array; codes: Int32Array[]; live: Int32Array; count: number }
type KeptCells = {
  slots: Growable<Int32Array>
  codes: Growable<Int32Array>[]
  live: Growable<Int32Array>
  /** How many leading columns make the first key (each below CELL_CODES codes). */
  first: number
  /** The leading columns' key, then (cell so far, next code) per further column, numbered as first seen. */
  byKey: Map<number, number>[]
}

/** A row of MemoryIndex.selectSql: id, tsv text, accent keys and c<i> per scalar column (as text). */
export type IndexRow = Record<string, string | null | undefined>

/** One page order of the index, sorted once: its slots, and each slot's place in it (see ordered). */
export type SlotOrder = { slots: Int32Array; rank: Int32Array; covered: number }

export type Bitset = Uint32Array
/** A kept bitset, the slots it covers, and the search that last read it (MemoryIndex.searchTick). */
type KeptBits = { bits: Uint32Array; covered: number; tick: number }
/**
 * The live slots by document length, as bitsets of the shorter ones (MemoryIndex.lengthTiers):
 * `lengths` are the distinct log2Length values, ascending; tier t holds the slots whose length is
 * one of lengths[0 .. tiers[t].lengths - 1], each tier about twice as many slots as the one before
 * (the shortest 1/64 of the live slots, 1/32, …, 1/2, rounded up to whole lengths). Slots from
 * `covered` on were written since and are in no tier.
 */
export type LengthTiers = { lengths: Float64Array; covered: number; tiers: { bits: Uint32Array; lengths: number }[] }
/** Bitsets of words, prefixes and accent keys kept by use (MemoryIndex.termBits; 125 KB each at 1M). */
const MAX_KEPT_BITS = 256
/** A word or prefix with this many postings at least (and a quarter of the documents) is pinned. */
const HEAVY_POSTINGS = 65_536
/** Slots written since the kept type-ahead answers began following writes that restart the trail. */
const MAX_TRAIL = 50_000

const NUMERIC = new Set(["bigint", "double precision", "boolean"])

/**
 * The scalar columns the in-process index holds: the ones a text search facets on, sorts by or
 * filters by as numbers or flags (plus every keyword column a facet or sort names). Other filters
 * (ids, handles, codes) leave the search to SQL (./memory-search planMemorySearch).
 */
export function memoryColumns(plan: TablePlan): PlannedColumn[] {
  return [...plan.columns.values()].filter((c) => {
    if (c.array) return false
    const def = plan.fields?.[c.field]
    if (!def) return !plan.fields
    return !!def.facetable || !!def.sortable || (!!def.filterable && NUMERIC.has(c.kind))
  })
}

export class MemoryIndex {
  readonly terms = new Map<string, Postings>()
  readonly accents = new Map<string, Postings>()
  /**
   * Per lexeme, the slots holding it with weight A (the product's name, or the former province it
   * comes from): what a type-ahead ranked by the name (./memory-name-rank) matches the name by.
   */
  readonly names = new Map<string, NamePostings>()
  /** The same name postings by lexeme number (Postings.id). */
  private readonly namesById: (NamePostings | undefined)[] = []
  private lexemeCount = 0
  /** One document's weight-A entries while its tsvector is read: position, lexeme number, … */
  private named: number[] = []
  private sortedTerms: string[] | null = null
  ids: string[] = []
  /** Slots below this one have ascending ids (a load reads rows by id): their id order is slot order. */
  idSorted = 0
  /** log2(document length + 1) per slot: ts_rank's normalisation 1. */
  log2Length = new GrowableF64()
  alive = new Uint32Array(1)
  readonly slotOf = new Map<string, number>()
  readonly columns: ColumnValues[]
  dead = 0
  /** Reused per search (the search pass is synchronous): a score per slot. */
  scratch = new Float64Array(0)
  /** Bumped by every put and remove: a kept answer is caught up with the writes since its version. */
  version = 0
  /** The slots killed and the words written since the kept type-ahead answers began (./memory-type-ahead). */
  readonly trail = new WriteTrail()
  /** Type-ahead answers, kept across writes (./memory-type-ahead). */
  readonly typeAhead = new KeptTypeAhead(this)

  constructor(
    readonly plan: TablePlan,
    loaded: PlannedColumn[] = memoryColumns(plan)
  ) {
    this.columns = loaded.map((c) => new ColumnValues(c))
  }

  get slots() {
    return this.ids.length
  }
  get liveCount() {
    return this.ids.length - this.dead
  }

  column(field: string): ColumnValues | undefined {
    return this.columns.find((c) => c.column.field === field)
  }

  /** The columns each row of the load and refresh queries carries. */
  selectSql(): string {
    const cols = this.columns
      .map((v) => v.column)
      .map((c, i) =>
        c.kind === "timestamptz"
          ? `(extract(epoch from "${c.column}") * 1000)::float8::text AS c${i}`
          : c.kind === "text"
            ? `"${c.column}" AS c${i}`
            : `"${c.column}"::text AS c${i}`
      )
    return ['"id"', `"tsv"::text AS tsv`, '"accent"', ...cols].join(", ")
  }

  private killSlot(slot: number) {
    this.version++
    if (this.alive[slot >> 5] & (1 << (slot & 31))) {
      this.alive[slot >> 5] &= ~(1 << (slot & 31))
      this.dead++
      for (const c of this.columns) c.live[c.codes.a[slot]]--
      for (const kept of this.cellSets.values()) if (slot < kept.slots.n) kept.live.a[kept.slots.a[slot]]--
      const trail = this.trail
      if (trail.killed.length >= MAX_TRAIL) Object.assign(trail, { from: this.slots + 1, killed: [], words: new Map() })
      else if (trail.from !== undefined) trail.killed.push(slot)
    }
  }

  remove(id: string) {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    this.killSlot(slot)
    this.slotOf.delete(id)
  }

  /** Adds (or replaces) one row of selectSql. */
  put(row: IndexRow) {
    const id = String(row.id)
    const previous = this.slotOf.get(id)
    if (previous !== undefined) this.killSlot(previous)
    const slot = this.ids.length
    this.version++
    if (this.idSorted === slot && (slot === 0 || this.ids[slot - 1] < id)) this.idSorted++
    this.ids.push(id)
    this.slotOf.set(id, slot)
    if (this.alive.length <= slot >> 5) {
      const next = new Uint32Array(Math.max(this.alive.length * 2, (slot >> 5) + 1))
      next.set(this.alive)
      this.alive = next
    }
    this.alive[slot >> 5] |= 1 << (slot & 31)
    const trail = this.trail
    let recorded: WrittenWords | undefined
    // too many writes to follow: the trail restarts after this slot, kept answers are computed again
    if (trail.words.size >= MAX_TRAIL) Object.assign(trail, { from: slot + 1, killed: [], words: new Map() })
    else if (trail.from !== undefined) {
      recorded = { words: [], names: [] }
      trail.words.set(slot, recorded)
    }
    this.log2Length.push(log2Length(this.putLexemes(slot, row.tsv ?? "", recorded)))
    for (const key of String(row.accent ?? "").split(" ")) {
      if (!key) continue
      let p = this.accents.get(key)
      if (!p) {
        p = new Postings()
        this.accents.set(key, p)
      }
      if (p.slots.n && p.slots.a[p.slots.n - 1] === slot) continue
      p.slots.push(slot)
    }
    this.columns.forEach((c, i) => {
      const raw = row[`c${i}`]
      const text = raw === null || raw === undefined ? null : String(raw)
      const num =
        text === null
          ? Number.NaN
          : c.column.kind === "boolean"
            ? text === "true"
              ? 1
              : 0
            : c.column.kind === "text"
              ? Number.NaN
              : Number(text)
      c.codes.grow(slot + 1)
      c.codes.n = slot + 1
      const code = c.code(text, num)
      c.codes.a[slot] = code
      c.live[code]++
    })
  }

  /**
   * The lexemes of a tsvector's text form ('word':1A,5 …) into their postings, read in place
   * (parseTsVector without the intermediate map); answers the document length (positions).
   */
  private putLexemes(slot: number, text: string, recorded?: WrittenWords): number {
    const words = recorded?.words
    let length = 0
    let i = 0
    const n = text.length
    while (i < n) {
      if (text.charCodeAt(i) === 32) {
        i++
        continue
      }
      if (text.charCodeAt(i) !== 39) break
      const q = text.indexOf("'", i + 1)
      const word = text.slice(i + 1, q)
      if (text.charCodeAt(q + 1) === 39 || word.includes("\\")) {
        // rare: an escaped quote or backslash; the general parser reads this one lexeme
        let end = q
        while (text.charCodeAt(end + 1) === 39) end = text.indexOf("'", end + 2)
        const space = text.indexOf(" '", end)
        const piece = text.slice(i, space < 0 ? n : space)
        for (const [w, positions] of parseTsVector(piece)) {
          const p = this.postingsOf(w)
          length += p.add(slot, positions)
          words?.push(w)
          for (const x of positions) if (x >> 14 === 3) this.named.push(x & 16383, p.id)
        }
        i = space < 0 ? n : space + 1
        continue
      }
      const p = this.postingsOf(word)
      words?.push(word)
      i = q + 1
      p.slots.push(slot)
      if (text.charCodeAt(i) === 58) {
        i++
        for (;;) {
          let pos = 0
          let c = text.charCodeAt(i)
          while (c >= 48 && c <= 57) {
            pos = pos * 10 + c - 48
            c = text.charCodeAt(++i)
          }
          const w = c === 65 ? 3 : c === 66 ? 2 : c === 67 ? 1 : 0
          if (w === 3) this.named.push(pos > 16383 ? 16383 : pos, p.id)
          if (c >= 65 && c <= 68) c = text.charCodeAt(++i)
          p.pos.push((w << 14) | (pos > 16383 ? 16383 : pos))
          length++
          if (c === 44) i++
          else break
        }
      } else {
        p.pos.push(0)
        length++
      }
      p.off.push(p.pos.n)
    }
    this.putNames(slot, recorded)
    return length
  }

  /**
   * The document's weight-A entries (read in lexeme order) into their lexemes' name postings, each
   * with the lexeme at the next position.
   */
  private putNames(slot: number, recorded?: WrittenWords) {
    const named = this.named
    // a name has few entries: an insertion sort of the (position, lexeme) pairs in place
    for (let k = 2; k < named.length; k += 2) {
      const at = named[k]
      const id = named[k + 1]
      let j = k - 2
      for (; j >= 0 && named[j] > at; j -= 2) {
        named[j + 2] = named[j]
        named[j + 3] = named[j + 1]
      }
      named[j + 2] = at
      named[j + 3] = id
    }
    for (let k = 0; k < named.length; k += 2) {
      const id = named[k + 1]
      let n = this.namesById[id]
      if (!n) {
        n = new NamePostings()
        this.namesById[id] = n
        this.names.set(this.lexemeWords[id], n)
      }
      n.slots.push(slot)
      n.pos.push(named[k])
      recorded?.names.push({ word: this.lexemeWords[id], pos: named[k] })
      n.next.push(k + 2 < named.length && named[k + 2] === named[k] + 1 ? named[k + 3] : -1)
    }
    named.length = 0
  }

  /**
   * The live slots whose name holds a phrase: its operands (a word or a word's typo alternatives,
   * the last also a prefix) at consecutive positions, each with weight A — Postgres' `a:A <-> b:A
   * <-> c:*A` (text-match textTsQuery with phrase). Followed along the first operand's name postings
   * and their next words, in slot order; undefined when an operand is anything else.
   */
  phraseBits(chain: TsNode[], into?: Bitset): Bitset | undefined {
    if (chain.length < 2) return undefined
    const operands = this.phraseOperands(chain)
    if (!operands) return undefined
    const out = into ?? new Uint32Array(this.words())
    out.fill(0)
    const first = chain[0]
    const firstWords = "term" in first ? [first] : (first as { kids: { term: string; prefix: boolean }[] }).kids
    if (this.phraseCursors.length < this.lexemeCount) this.phraseCursors = new Int32Array(this.lexemeCount)
    const starts = firstWords.flatMap((t) => this.lexemes(t.term, t.prefix))
    for (let s = 0; s < starts.length; s++) {
      const n = this.names.get(starts[s])
      if (!n) continue
      // each loop its own small function: V8 compiles one (again, after a branch no ask had taken
      // yet) in a few ms; the whole method took 17–25 ms, and the first phrase of three words ran
      // its 40k entries unoptimised meanwhile (12–20 ms at 1M documents)
      if (operands.length === 2) pairsInRow(n, operands[1], out)
      else chainsInRow(n, operands, this.namesById, this.phraseCursors, out)
    }
    andInto(out, this.alive)
    for (const table of operands) table.fill(0)
    return out
  }
  private phraseCursors = new Int32Array(0)

  /**
   * Each operand of a phrase (a word, a prefix, or a word's typo alternatives) as a table by lexeme
   * number, 1 for its lexemes (kept tables, cleared after use); undefined when an operand is
   * anything else.
   */
  private phraseOperands(chain: TsNode[]): Uint8Array[] | undefined {
    const out: Uint8Array[] = []
    for (const [k, node] of chain.entries()) {
      const terms = "term" in node ? [node] : node.op === "or" && node.kids.every((k) => "term" in k) ? node.kids : []
      if (!terms.length) {
        for (const table of out) table.fill(0)
        return undefined
      }
      if (!(this.phraseTables[k]?.length >= this.lexemeCount)) this.phraseTables[k] = new Uint8Array(this.lexemeCount)
      const table = this.phraseTables[k]
      for (const t of terms as { term: string; prefix: boolean }[])
        for (const w of this.lexemes(t.term, t.prefix)) table[this.terms.get(w)!.id] = 1
      out.push(table)
    }
    return out
  }
  private readonly phraseTables: Uint8Array[] = []

  /** Each lexeme by its number (Postings.id). */
  private readonly lexemeWords: string[] = []
  lexemeWord(id: number): string {
    return this.lexemeWords[id]
  }

  private postingsOf(word: string): Postings {
    let p = this.terms.get(word)
    if (!p) {
      p = new Postings()
      p.id = this.lexemeCount++
      this.lexemeWords.push(word)
      // by number, without holes: a sparse array is a dictionary, slow to read in the phrase loop
      this.namesById.push(undefined)
      this.terms.set(word, p)
      // a new word goes into the sorted list in place (sorting every word again costs ~100 ms at 1M)
      const sorted = this.sortedTerms
      if (sorted) sorted.splice(lowerBound(sorted, word), 0, word)
    }
    return p
  }

  /** The lexemes an operand stands for, in byte order: the word itself, or every word it prefixes. */
  lexemes(term: string, prefix: boolean): string[] {
    if (!prefix) return this.terms.has(term) ? [term] : []
    if (!this.sortedTerms) this.sortedTerms = [...this.terms.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    const sorted = this.sortedTerms
    const out: string[] = []
    for (let k = lowerBound(sorted, term); k < sorted.length && sorted[k].startsWith(term); k++) out.push(sorted[k])
    return out
  }

  private words() {
    return this.alive.length
  }

  /**
   * The slots in one page order of searches without words (the order's columns, then id), sorted
   * once per order and kept: a slot never changes (a write kills it and appends a new one), so
   * dead slots are skipped and slots from `covered` on (written since) are merged by the search.
   * Sorted again once many slots were written since. `rank[slot]` is the slot's place in that
   * order, for the slots below `covered` that were live when it was sorted (a search compares
   * two of them by rank alone; the others, written since, by the keys). `stale`: a kept order
   * however many slots were written since (it stays right, only slower).
   */
  ordered(key: string, compare: (a: number, b: number) => number, stale = false): SlotOrder {
    const kept = this.orders.get(key)
    if (kept && (stale || this.slots - kept.covered <= REORDER_AFTER)) return kept
    const live = new Int32Array(this.liveCount)
    let n = 0
    for (let slot = 0; slot < this.slots; slot++) if (this.alive[slot >> 5] & (1 << (slot & 31))) live[n++] = slot
    const slots = live.subarray(0, n).sort(compare)
    const rank = new Int32Array(this.slots).fill(-1)
    for (let x = 0; x < n; x++) rank[slots[x]] = x
    const fresh = { slots, rank, covered: this.slots }
    this.orders.set(key, fresh)
    return fresh
  }
  private readonly orders = new Map<string, SlotOrder>()

  /**
   * The shorter slots, tier by tier: what an AND-ranked page scores first, since its score caps
   * are the highest (./memory-shortest-first). Kept like a page order and built again after
   * REORDER_AFTER writes: one pass over the slots (a document has one of few distinct lengths).
   */
  lengthTiers(): LengthTiers {
    const kept = this.byLength
    if (kept && this.slots - kept.covered <= REORDER_AFTER) return kept
    const log2Length = this.log2Length.a
    const live = (slot: number) => (this.alive[slot >> 5] & (1 << (slot & 31))) !== 0
    const distinct = new Set<number>()
    for (let slot = 0; slot < this.slots; slot++) if (live(slot)) distinct.add(log2Length[slot])
    const lengths = Float64Array.from(distinct).sort()
    const bucketOf = new Map(Array.from(lengths, (v, b) => [v, b]))
    const bucket = new Int32Array(this.slots)
    // below[b]: the live slots shorter than lengths[b]
    const below = new Float64Array(lengths.length + 1)
    for (let slot = 0; slot < this.slots; slot++) {
      if (!live(slot)) continue
      bucket[slot] = bucketOf.get(log2Length[slot])!
      below[bucket[slot] + 1]++
    }
    for (let b = 0; b < lengths.length; b++) below[b + 1] += below[b]
    const cuts: number[] = []
    for (let share = 64, b = 0; share >= 2; share /= 2) {
      while (b < lengths.length && below[b] < this.liveCount / share) b++
      if (b === lengths.length) break
      if (b > 0 && cuts[cuts.length - 1] !== b) cuts.push(b)
    }
    const tiers = cuts.map((cut) => ({ bits: new Uint32Array((this.slots + 31) >> 5), lengths: cut }))
    for (let slot = 0; slot < this.slots; slot++) {
      if (!live(slot)) continue
      for (let t = tiers.length - 1; t >= 0 && tiers[t].lengths > bucket[slot]; t--)
        tiers[t].bits[slot >> 5] |= 1 << (slot & 31)
    }
    this.byLength = { lengths, covered: this.slots, tiers }
    return this.byLength
  }
  private byLength?: LengthTiers

  /**
   * Each slot's cell: its combination of these columns' codes (a few thousand combinations for
   * province, group, subgroup, stars, producer type and price at 1M bench documents), numbered as
   * first seen, with each cell's live documents. Kept per set of columns and extended by the slots
   * written since (a slot's codes never change; a kill takes its slot out of its cell's live count);
   * undefined for too many columns, or a column with more values than its place in the key allows
   * (CELL_CODES in the first key, WIDE_CODES after).
   */
  cells(columns: ColumnValues[]): SlotCells | undefined {
    if (columns.length > MAX_CELL_COLUMNS) return undefined
    const key = columns.map((c) => c.column.field).join(",")
    let kept = this.cellSets.get(key)
    if (!kept) {
      let first = 0
      while (first < Math.min(KEY_COLUMNS, columns.length) && columns[first].text.length <= CELL_CODES) first++
      kept = {
        slots: new Growable(new Int32Array(16), (n) => new Int32Array(n)),
        codes: columns.map(() => new Growable(new Int32Array(16), (n) => new Int32Array(n))),
        live: new Growable(new Int32Array(16), (n) => new Int32Array(n)),
        first,
        byKey: Array.from({ length: columns.length - first + 1 }, () => new Map()),
      }
    }
    const { slots, codes, live, first, byKey } = kept
    if (columns.some((c, x) => c.text.length > (x < first ? CELL_CODES : WIDE_CODES))) return undefined
    this.cellSets.delete(key)
    this.cellSets.set(key, kept)
    if (this.cellSets.size > MAX_CELL_SETS) this.cellSets.delete(this.cellSets.keys().next().value!)
    const last = byKey[byKey.length - 1]
    if (slots.n < this.slots) {
      slots.grow(this.slots)
      const a = slots.a
      const cols = columns.map((c) => c.codes.a)
      for (let s = slots.n; s < this.slots; s++) {
        let k = 0
        for (let x = 0; x < first; x++) k = k * CELL_CODES + cols[x][s]
        // then the key so far is numbered (below 2^31) before each further column: it stays exact
        for (let x = first; x <= cols.length; x++) {
          const keys = byKey[x - first]
          let id = keys.get(k)
          if (id === undefined) {
            id = keys.size
            keys.set(k, id)
            if (keys === last) {
              for (let y = 0; y < cols.length; y++) codes[y].push(cols[y][s])
              live.push(0)
            }
          }
          k = x < cols.length ? id * WIDE_CODES + cols[x][s] : id
        }
        a[s] = k
        if (this.alive[s >> 5] & (1 << (s & 31))) live.a[k]++
      }
      slots.n = this.slots
    }
    return { slots: slots.a, codes: codes.map((g) => g.a), live: live.a, count: last.size }
  }
  private readonly cellSets = new Map<string, KeptCells>()

  /** The live documents a tsquery matches, as a bitset over slots. */
  match(node: TsNode, into?: Bitset): Bitset {
    const out = this.evaluate(node, this.termBits, into)
    andInto(out, this.alive)
    return out
  }

  /**
   * The live documents whose name matches a tsquery: every term with weight A, as Postgres matches
   * the query with each term labelled `:A` (text-match textTsQuery with names). `into`: a bitset to
   * write it in (scratch), else a new one.
   */
  nameMatch(node: TsNode, into?: Bitset): Bitset {
    const out = this.evaluate(node, this.nameBits, into)
    andInto(out, this.alive)
    return out
  }

  /**
   * A bitset of the index's size kept for one use by name (its content is the caller's to write):
   * a type-ahead used several new 125 KB bitsets a search at 1M documents, and their garbage made
   * the collector pause asks for tens of milliseconds. A search runs to its end synchronously, so
   * it never shares one with another search.
   */
  scratchBitset(name: string): Bitset {
    let bits = this.scratchBits.get(name)
    if (!bits || bits.length !== this.words()) {
      bits = new Uint32Array(this.words())
      this.scratchBits.set(name, bits)
    }
    return bits
  }
  private readonly scratchBits = new Map<string, Bitset>()

  /** The slots matching a query node, in `into` or a new bitset (dead slots included; match drops them). */
  private evaluate(node: TsNode, bitsOf: (term: string, prefix: boolean) => Bitset, into?: Bitset): Bitset {
    if ("term" in node) {
      const bits = bitsOf(node.term, node.prefix).subarray(0, this.words())
      if (!into) return bits.slice()
      into.set(bits)
      return into
    }
    const [first, ...rest] = node.kids
    const out = this.evaluate(first, bitsOf, into)
    for (const kid of rest) {
      // a word's kept bitset is read in place: one new bitset per search, not one per word
      const other = "term" in kid ? bitsOf(kid.term, kid.prefix) : this.evaluate(kid, bitsOf)
      if (node.op === "and") andInto(out, other)
      else orInto(out, other)
    }
    return out
  }

  /**
   * The slots holding a word (or, for a prefix, any word it starts), kept and extended by the slots
   * written since (postings are ascending, so only their tails are read); read-only. A search
   * allocated a bitset per word and accent key (125 KB each at 1M documents): the garbage made
   * full collections of 60–100 ms land on type-ahead asks. Kept for good (pinned), the rest by use:
   * a prefix of one or two letters that starts some word (a last word just begun: "nước m", "đặc sản
   * đồ"; a few hundred), and a word or prefix of a quarter of the documents or more ("sản", "đóng",
   * "đồn": a few dozen, in every description) — reading its postings again once evicted cost 5–25 ms
   * an ask at 1M documents ("đặc sản đồn" read the million of "đóng").
   */
  private readonly termBits = (term: string, prefix: boolean): Bitset => {
    const key = `${prefix ? "*" : "="}${term}`
    const lists = () => this.lexemes(term, prefix).map((w) => this.terms.get(w)!)
    if (this.pinnedBits.has(key)) return this.keptBits(this.pinnedBits, key, lists)
    // the word list is read only to pin a prefix once and to extend a bitset, not on every search
    const words = lists()
    const pinned = (prefix && term.length <= 2 && words.length > 0) || this.heavy(words)
    return this.keptBits(pinned ? this.pinnedBits : this.usedBits, key, () => words)
  }

  private heavy(words: Postings[]): boolean {
    return words.reduce((n, p) => n + p.size, 0) >= Math.max(HEAVY_POSTINGS, this.liveCount / 4)
  }

  /**
   * Reads now the bitsets that termBits pins for these starts of words (and the words themselves):
   * those of a quarter of the documents or more. The type-ahead warm-up calls it, a slice at a time.
   */
  pinHeavy(starts: string[]) {
    for (const start of starts)
      for (const prefix of [true, false]) {
        const words = this.lexemes(start, prefix).map((w) => this.terms.get(w)!)
        if (this.heavy(words)) this.termBits(start, prefix)
      }
  }

  /**
   * The slots holding a word (or a word it prefixes) in their name, kept like termBits: a prefix of
   * one or two letters that starts some name's word for good (a last word just begun, "trà shan t":
   * the names' "t…" words took 7 ms to read at 1M documents), the rest by use.
   */
  private readonly nameBits = (term: string, prefix: boolean): Bitset => {
    const key = `A${prefix ? "*" : "="}${term}`
    const lists = () => this.lexemes(term, prefix).flatMap((w) => this.names.get(w) ?? [])
    if (this.pinnedBits.has(key)) return this.keptBits(this.pinnedBits, key, lists)
    const words = lists()
    return this.keptBits(
      prefix && term.length <= 2 && words.length > 0 ? this.pinnedBits : this.usedBits,
      key,
      () => words
    )
  }

  /** The slots holding an accent key, as a kept bitset (read-only), like termBits. */
  accentBits(key: string): Bitset | undefined {
    const p = this.accents.get(key)
    return p && this.keptBits(this.usedBits, `~${key}`, () => [p])
  }

  private keptBits(map: Map<string, KeptBits>, key: string, lists: () => { slots: Growable<Int32Array> }[]): Bitset {
    const words = this.words()
    let kept = map.get(key)
    if (kept) map.delete(key)
    else {
      let bits: Uint32Array | undefined
      if (map === this.usedBits && map.size >= MAX_KEPT_BITS) {
        // the least used one makes room, and its bitset is reused unless this search read it too
        // (a type-ahead reads new words at most asks, and 125 KB bitsets of garbage at 1M documents
        // brought full collections of 20–100 ms onto asks)
        const oldest = map.keys().next().value!
        const evicted = map.get(oldest)!
        map.delete(oldest)
        if (evicted.tick !== this.searchTick) bits = evicted.bits.fill(0)
      }
      kept = { bits: bits ?? new Uint32Array(words), covered: 0, tick: this.searchTick }
    }
    kept.tick = this.searchTick
    map.set(key, kept)
    if (kept.bits.length < words) {
      const next = new Uint32Array(words)
      next.set(kept.bits)
      kept.bits = next
    }
    if (kept.covered < this.slots) {
      const bits = kept.bits
      // the lists are a word's postings or its name's entries: the loop reads their slots alone
      for (const p of lists()) setSlotsFrom(bits, p.slots.a, p.slots.n, kept.covered)
      kept.covered = this.slots
    }
    return kept.bits
  }
  private readonly usedBits = new Map<string, KeptBits>()
  /**
   * Bumped at the start of every search (beginSearch): a kept bitset read by the search running
   * now is never reused for another word while the search may still hold it.
   */
  private searchTick = 0
  beginSearch() {
    this.searchTick++
  }
  private readonly pinnedBits = new Map<string, KeptBits>()

  scores(): Float64Array {
    if (this.scratch.length < this.slots) this.scratch = new Float64Array(Math.max(this.slots * 1.25, 1024))
    return this.scratch
  }
}

/**
 * Sets in `bits` the slots of an ascending list (its first `n`) from slot `from` on. Its own function,
 * fed typed arrays only: inlined in keptBits, V8 compiled the loop for one kind of list and bailed
 * out on the other (a word's postings, a name's entries) again and again.
 */
function setSlotsFrom(bits: Bitset, slots: Int32Array, n: number, from: number) {
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (slots[mid] < from) lo = mid + 1
    else hi = mid
  }
  for (let k = lo; k < n; k++) bits[slots[k] >> 5] |= 1 << (slots[k] & 31)
}

/** Sets the slots whose name has a first word's entry followed at the next position by a word of `second`. */
function pairsInRow(first: NamePostings, second: Uint8Array, out: Bitset) {
  const slots = first.slots.a
  const next = first.next.a
  for (let j = 0; j < first.slots.n; j++) {
    const id = next[j]
    if (id >= 0 && second[id]) out[slots[j] >> 5] |= 1 << (slots[j] & 31)
  }
}

/**
 * Sets the slots whose name has a first word's entry followed word after word by the operands'
 * words (tables by lexeme number). `cursors`: where each later word's own entries were last found
 * (entries come in slot order), by lexeme number, all 0 before and after: the next first word's
 * entries start again from the lowest slot.
 */
function chainsInRow(
  first: NamePostings,
  operands: Uint8Array[],
  namesById: (NamePostings | undefined)[],
  cursors: Int32Array,
  out: Bitset
) {
  const slots = first.slots.a
  const pos = first.pos.a
  const next = first.next.a
  const touched: number[] = []
  for (let j = 0; j < first.slots.n; j++) {
    let id = next[j]
    if (id < 0 || !operands[1][id]) continue
    const slot = slots[j]
    let at = pos[j] + 1
    let k = 1
    for (; k + 1 < operands.length; k++, at++) {
      // the entry of word `id` at position `at` of this slot, and the word after it
      const words = namesById[id]! // a next word of a name has name entries
      if (!cursors[id]) touched.push(id)
      let e = words.seek(slot, cursors[id])
      cursors[id] = e
      while (e < words.slots.n && words.slots.a[e] === slot && words.pos.a[e] !== at) e++
      id = e < words.slots.n && words.slots.a[e] === slot ? words.next.a[e] : -1
      if (id < 0 || !operands[k + 1][id]) break
    }
    if (k + 1 === operands.length) out[slot >> 5] |= 1 << (slot & 31)
  }
  for (let t = 0; t < touched.length; t++) cursors[touched[t]] = 0
}

/** The first place in a sorted list whose word is not below `word`. */
function lowerBound(sorted: string[], word: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] < word) lo = mid + 1
    else hi = mid
  }
  return lo
}
