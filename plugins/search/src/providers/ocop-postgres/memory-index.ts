/**
 * The in-process index of one search table: every listed document's lexemes with their positions
 * (parsed from the table's own tsvector, so matching and ts_rank are exactly Postgres'), its accent
 * keys and its scalar columns, held in typed arrays. A text search (./memory-search) then matches,
 * ranks and counts facets in one JS pass instead of a Postgres scan of the match set; the page's
 * stored documents still come from "<table>_doc".
 *
 * Postgres stays the truth. The index is loaded in the background (searches use SQL meanwhile)
 * and follows "<table>_chg", the change log every write of any process appends to: before a
 * search the process reads the log entries it has not seen (at most every FRESH_MS, at once after
 * a write of its own) and re-reads those rows, so every server process sees a revoke, expiry or
 * suspension within milliseconds of its commit.
 */
import type { PlannedColumn, TablePlan } from "./plan"
import { pgArray, type Executor } from "./sql"
import { log2Length, parseTsVector, type Positions, type TsNode } from "./ts-rank"

/** How stale a search may be at most, from another process's write to this process seeing it. */
export const FRESH_MS = 50
const LOAD_CHUNK = 20_000
/** Stored documents of recent hits kept per process (~2 kB each). */
const DOCUMENT_CACHE = 20_000
const MAX_INCREMENTAL = 20_000
/** A log gap (a write whose entry is not committed yet) is waited for this long, then skipped. */
const GAP_MS = 2_000
/** After this long without a poll, the log may have been pruned past us: load again. */
const IDLE_RELOAD_MS = 30 * 60_000

export type ChangeLogRow = { seq: string | number; id: string }
/** A row of MemoryIndex.selectSql: id, tsv text, accent keys and c<i> per scalar column (as text). */
export type IndexRow = Record<string, string | null | undefined>

class Growable<T extends Int32Array | Uint16Array | Uint8Array> {
  n = 0
  constructor(
    public a: T,
    private readonly make: (size: number) => T
  ) {}
  push(v: number) {
    if (this.n === this.a.length) this.grow(this.n + 1)
    this.a[this.n++] = v
  }
  grow(min: number) {
    if (min <= this.a.length) return
    const next = this.make(Math.max(min, this.a.length * 2, 8))
    for (let k = 0; k < this.n; k++) next[k] = this.a[k]
    this.a = next
  }
}
const int32 = (size: number) => new Int32Array(size)

class GrowableF64 {
  n = 0
  a = new Float64Array(16)
  push(v: number) {
    if (this.n === this.a.length) {
      const next = new Float64Array(this.a.length * 2)
      next.set(this.a)
      this.a = next
    }
    this.a[this.n++] = v
  }
}
const uint16 = (size: number) => new Uint16Array(size)

/** The documents (slots, ascending) that hold one lexeme, with their positions. */
export class Postings {
  slots = new Growable(new Int32Array(4), int32)
  /** off[k]..off[k+1] are posting k's positions in pos. */
  off = Object.assign(new Growable(Int32Array.of(0), int32), { n: 1 })
  pos = new Growable(new Uint16Array(4), uint16)
  /** Appends a document's positions; answers their number. */
  add(slot: number, positions: Positions): number {
    this.slots.push(slot)
    for (const p of positions) this.pos.push(p)
    this.off.push(this.pos.n)
    return positions.length
  }
  get size() {
    return this.slots.n
  }
}

/** A scalar column: a code per slot (0 = null) and each code's text (as ::text gives it) and number. */
export class ColumnValues {
  codes = new Growable(new Int32Array(16), int32)
  text: (string | null)[] = [null]
  num: number[] = [Number.NaN]
  private byText = new Map<string, number>()
  constructor(public readonly column: PlannedColumn) {}
  code(text: string | null, num: number): number {
    if (text === null) return 0
    let c = this.byText.get(text)
    if (c === undefined) {
      c = this.text.length
      this.text.push(text)
      this.num.push(num)
      this.byText.set(text, c)
    }
    return c
  }
}

export type Bitset = Uint32Array

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
  private sortedTerms: string[] | null = null
  ids: string[] = []
  /** log2(document length + 1) per slot: ts_rank's normalisation 1. */
  log2Length = new GrowableF64()
  alive = new Uint32Array(1)
  readonly slotOf = new Map<string, number>()
  readonly columns: ColumnValues[]
  dead = 0
  /** Reused per search (the search pass is synchronous): a score per slot. */
  scratch = new Float64Array(0)

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
    if (this.alive[slot >> 5] & (1 << (slot & 31))) {
      this.alive[slot >> 5] &= ~(1 << (slot & 31))
      this.dead++
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
    this.ids.push(id)
    this.slotOf.set(id, slot)
    if (this.alive.length <= slot >> 5) {
      const next = new Uint32Array(Math.max(this.alive.length * 2, (slot >> 5) + 1))
      next.set(this.alive)
      this.alive = next
    }
    this.alive[slot >> 5] |= 1 << (slot & 31)
    this.log2Length.push(log2Length(this.putLexemes(slot, row.tsv ?? "")))
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
      c.codes.a[slot] = c.code(text, num)
    })
  }

  /**
   * The lexemes of a tsvector's text form ('word':1A,5 …) into their postings, read in place
   * (parseTsVector without the intermediate map); answers the document length (positions).
   */
  private putLexemes(slot: number, text: string): number {
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
        for (const [w, positions] of parseTsVector(piece)) length += this.postingsOf(w).add(slot, positions)
        i = space < 0 ? n : space + 1
        continue
      }
      const p = this.postingsOf(word)
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
    return length
  }

  private postingsOf(word: string): Postings {
    let p = this.terms.get(word)
    if (!p) {
      p = new Postings()
      this.terms.set(word, p)
      this.sortedTerms = null
    }
    return p
  }

  /** The lexemes an operand stands for, in byte order: the word itself, or every word it prefixes. */
  lexemes(term: string, prefix: boolean): string[] {
    if (!prefix) return this.terms.has(term) ? [term] : []
    if (!this.sortedTerms) this.sortedTerms = [...this.terms.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    const sorted = this.sortedTerms
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid] < term) lo = mid + 1
      else hi = mid
    }
    const out: string[] = []
    for (let k = lo; k < sorted.length && sorted[k].startsWith(term); k++) out.push(sorted[k])
    return out
  }

  private words() {
    return this.alive.length
  }

  /** The live documents a tsquery matches, as a bitset over slots. */
  match(node: TsNode): Bitset {
    const out = this.evaluate(node)
    for (let w = 0; w < out.length; w++) out[w] &= this.alive[w]
    return out
  }

  private evaluate(node: TsNode): Bitset {
    if ("term" in node) {
      const bits = new Uint32Array(this.words())
      for (const word of this.lexemes(node.term, node.prefix)) {
        const p = this.terms.get(word)!
        const s = p.slots.a
        for (let k = 0; k < p.slots.n; k++) bits[s[k] >> 5] |= 1 << (s[k] & 31)
      }
      return bits
    }
    const [first, ...rest] = node.kids.map((k) => this.evaluate(k))
    for (const other of rest)
      for (let w = 0; w < first.length; w++) first[w] = node.op === "and" ? first[w] & other[w] : first[w] | other[w]
    return first
  }

  /** The slots holding an accent key, as a bitset. */
  accentBits(key: string): Bitset | undefined {
    const p = this.accents.get(key)
    if (!p) return undefined
    const bits = new Uint32Array(this.words())
    const s = p.slots.a
    for (let k = 0; k < p.slots.n; k++) bits[s[k] >> 5] |= 1 << (s[k] & 31)
    return bits
  }

  scores(): Float64Array {
    if (this.scratch.length < this.slots) this.scratch = new Float64Array(Math.max(this.slots * 1.25, 1024))
    return this.scratch
  }
}

/**
 * One process's in-process index of one table, kept current from the change log. `current()`
 * answers the index to search now (after reading the log), or undefined while it is being loaded.
 */
export class MemoryIndexFollower {
  private index?: MemoryIndex
  private loading?: Promise<void>
  private lastSeq = 0
  private pendingGap?: { seq: number; since: number }
  private lastPoll = 0
  private polling?: Promise<void>
  private dirty = false
  failed?: unknown
  /**
   * Stored documents of recent hits (most recently used last), dropped when the log names their
   * row; `generation` counts applied changes, so a document read across a change is not kept.
   */
  private documents = new Map<string, unknown>()
  private generation = 0

  constructor(
    private readonly manager: Executor,
    readonly plan: TablePlan,
    private readonly onLoaded?: (ms: number, docs: number) => void
  ) {}

  /** This process wrote: the next search reads the log first. */
  touch() {
    this.dirty = true
  }

  get loaded() {
    return !!this.index
  }

  /** Starts the load if needed; resolves when the index is loaded (for tests and warm-up). */
  ensureLoaded(): Promise<void> {
    if (!this.loading) {
      this.loading = this.load().catch((error) => {
        this.failed = error
        this.loading = undefined
      })
    }
    return this.loading
  }

  async current(): Promise<MemoryIndex | undefined> {
    if (!this.index) {
      void this.ensureLoaded()
      return undefined
    }
    const now = Date.now()
    if (now - this.lastPoll > IDLE_RELOAD_MS && this.lastPoll) {
      this.reload()
      return undefined
    }
    if (this.dirty || now - this.lastPoll >= FRESH_MS) {
      this.polling ??= this.poll().finally(() => (this.polling = undefined))
      await this.polling
    }
    return this.index
  }

  /** The stored documents of these ids: from the cache, the rest from "<table>_doc". */
  async documentsOf(ids: string[]): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>()
    const missing: string[] = []
    for (const id of ids) {
      const doc = this.documents.get(id)
      if (doc === undefined) missing.push(id)
      else {
        this.documents.delete(id)
        this.documents.set(id, doc)
        out.set(id, doc)
      }
    }
    if (!missing.length) return out
    const generation = this.generation
    const rows = await this.manager.execute(
      `SELECT "id", "document" FROM "${this.plan.table}_doc" WHERE "id" = ANY(?::text[])`,
      [pgArray(missing)]
    )
    for (const row of rows) {
      const doc = typeof row.document === "string" ? JSON.parse(row.document) : row.document
      out.set(String(row.id), doc)
      if (generation === this.generation) this.documents.set(String(row.id), doc)
    }
    while (this.documents.size > DOCUMENT_CACHE) this.documents.delete(this.documents.keys().next().value!)
    return out
  }

  private reload() {
    this.index = undefined
    this.loading = undefined
    void this.ensureLoaded()
  }

  private async load() {
    const started = Date.now()
    const t = this.plan.table
    const [head] = await this.manager.execute(`SELECT coalesce(max("seq"), 0)::text AS seq FROM "${t}_chg"`)
    const fromSeq = Number(head?.seq ?? 0)
    const index = new MemoryIndex(this.plan)
    const select = index.selectSql()
    const chunk = (after: string | null): Promise<IndexRow[]> =>
      this.manager.execute(
        `SELECT ${select} FROM "${t}" ${after === null ? "" : `WHERE "id" > ?`} ORDER BY "id" LIMIT ${LOAD_CHUNK}`,
        after === null ? [] : [after]
      )
    // the next chunk is read while this one is parsed
    let next: Promise<IndexRow[]> | undefined = chunk(null)
    while (next) {
      const rows = await next
      next = rows.length === LOAD_CHUNK ? chunk(String(rows[rows.length - 1].id)) : undefined
      for (const row of rows) index.put(row)
    }
    this.index = index
    this.generation++
    this.documents.clear()
    this.lastSeq = fromSeq
    this.pendingGap = undefined
    this.lastPoll = 0
    this.dirty = true
    this.onLoaded?.(Date.now() - started, index.liveCount)
  }

  /** Reads the log past lastSeq and applies it (re-reading the rows it names). */
  private async poll() {
    const started = Date.now()
    this.dirty = false
    const t = this.plan.table
    const rows: ChangeLogRow[] = await this.manager.execute(
      `SELECT "seq"::text AS seq, "id" FROM "${t}_chg" WHERE "seq" > ? ORDER BY "seq" LIMIT ${MAX_INCREMENTAL + 1}`,
      [this.lastSeq]
    )
    this.lastPoll = started
    if (!rows.length) return
    if (rows.length > MAX_INCREMENTAL || rows.some((r) => r.id === "*")) {
      // a whole-table change (clear, delete by filter) or a bulk write: load again, SQL meanwhile
      if (this.index) this.reload()
      return
    }
    const ids = [...new Set(rows.map((r) => r.id))]
    const fresh = new Map<string, IndexRow>()
    const select = (this.index ?? new MemoryIndex(this.plan)).selectSql()
    for (let k = 0; k < ids.length; k += 1000) {
      const chunk = ids.slice(k, k + 1000)
      const got = await this.manager.execute(`SELECT ${select} FROM "${t}" WHERE "id" = ANY(?::text[])`, [
        "{" + chunk.map((id) => '"' + id.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"').join(",") + "}",
      ])
      for (const row of got) fresh.set(String(row.id), row)
    }
    const index = this.index
    if (!index) return
    this.generation++
    for (const id of ids) {
      const row = fresh.get(id)
      if (row) index.put(row)
      else index.remove(id)
      this.documents.delete(id)
    }
    this.advance(rows.map((r) => Number(r.seq)))
    if (index.dead > 1000 && index.dead > index.slots / 4) this.compact()
  }

  /**
   * Moves lastSeq over the contiguous run of seen entries. A missing number is a write whose log
   * entry is not committed yet: it is waited for (its later neighbours are re-read meanwhile, which
   * is harmless) for GAP_MS, then taken for a rolled-back insert.
   */
  private advance(seqs: number[]) {
    let last = this.lastSeq
    for (const s of seqs) {
      if (s === last + 1) {
        last = s
        continue
      }
      if (s <= last) continue
      const now = Date.now()
      if (!this.pendingGap || this.pendingGap.seq !== last + 1) this.pendingGap = { seq: last + 1, since: now }
      if (now - this.pendingGap.since < GAP_MS) break
      last = s
    }
    if (last !== this.lastSeq) this.pendingGap = undefined
    this.lastSeq = last
  }

  /** Many replaced rows: build a compact index in the background and swap it in. */
  private compact() {
    if (this.loading && !this.index) return
    const previous = this.index
    this.loading = this.load().catch((error) => {
      this.failed = error
      this.index = previous
    })
  }
}
