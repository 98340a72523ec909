/**
 * Keeps one process's MemoryIndex (./memory-index) in step with Postgres: loads it in the background
 * (searches use SQL meanwhile), then follows "<table>_chg", the change log every write of any process
 * appends to, re-reading the rows it names (every FRESH_MS while searches come, in the background;
 * before the search after a write of this process or after STALE_MS without a read), so every server
 * sees a revoke, expiry or suspension within STALE_MS plus one read of the log.
 */
import { MemoryIndex, type IndexRow } from "./memory-index"
import type { TablePlan } from "./plan"
import { pgArray, type Executor } from "./sql"

/** How often a busy process reads the log (in the background: searches do not wait for it). */
export const FRESH_MS = 50
/**
 * How stale a search may be at most, from another process's write to this process seeing it: a
 * search waits for the log only when the last read began longer ago than this (an idle process),
 * or when this process wrote since.
 */
export const STALE_MS = 250
const LOAD_CHUNK = 20_000
/** Rows put into the index between two yields to the event loop while loading. */
const LOAD_TURN = 2_000
/** Stored documents of recent hits kept per process (~2 kB each). */
const DOCUMENT_CACHE = 20_000
const MAX_INCREMENTAL = 20_000
/** A log gap (a write whose entry is not committed yet) is waited for this long, then skipped. */
const GAP_MS = 2_000
/** After this long without a poll, the log may have been pruned past us: load again. */
const IDLE_RELOAD_MS = 30 * 60_000

export type ChangeLogRow = { seq: string | number; id: string; at: string }

/**
 * How far this process's in-process indexes got, per table (for readiness and the boot log, see
 * ../../lib/memory-boot): rows read of the table's count, whether a load ever finished, why the
 * last one failed. Kept on globalThis so a second copy of this module (tests, ts-node beside the
 * build) reports the same loads.
 */
export type MemoryLoadProgress = { table: string; loaded: number; total?: number; done: boolean; failed?: string }
const LOADS = Symbol.for("ocop-search.memory-index-loads")
export function memoryIndexLoads(): Map<string, MemoryLoadProgress> {
  const g = globalThis as { [LOADS]?: Map<string, MemoryLoadProgress> }
  g[LOADS] ??= new Map()
  return g[LOADS]
}
/** The last log entry this process applied: if the log no longer holds it, the log was rewound. */
type Anchor = { seq: number; id: string; at: string }

/**
 * One process's in-process index of one table, kept current from the change log. `current()`
 * answers the index to search now (after reading the log), or undefined while it is being loaded.
 */
export class MemoryIndexFollower {
  private index?: MemoryIndex
  private loading?: Promise<void>
  private lastSeq = 0
  private anchor?: Anchor
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
        const progress = memoryIndexLoads().get(this.plan.table)
        if (progress && !progress.done) progress.failed = (error as Error)?.message ?? String(error)
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
    // a busy process answers from what it read less than STALE_MS ago while the log is read again;
    // after a write of its own, or when idle, a search waits for the read
    const wait = this.dirty || now - this.lastPoll >= STALE_MS
    if (wait || now - this.lastPoll >= FRESH_MS) {
      // a read already under way may have begun before this process's write
      if (this.dirty && this.polling) await this.polling.catch(() => undefined)
      this.polling ??= this.poll().finally(() => (this.polling = undefined))
      if (wait) await this.polling
      else this.polling.catch(() => undefined)
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
    const loads = memoryIndexLoads()
    // a reload (compaction, a bulk write) keeps the "loaded once" of the first load: SQL answers meanwhile
    const progress: MemoryLoadProgress = { table: t, loaded: 0, done: loads.get(t)?.done ?? false }
    loads.set(t, progress)
    const [[head], [count]]: [ChangeLogRow[], { n: string }[]] = await Promise.all([
      this.manager.execute(
        `SELECT c."seq"::text AS seq, c."id", c."at"::text AS at FROM "${t}_chg" c ORDER BY c."seq" DESC LIMIT 1`
      ),
      this.manager.execute(`SELECT count(*)::text AS n FROM "${t}"`),
    ])
    progress.total = Number(count?.n ?? 0)
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
      for (let k = 0; k < rows.length; k++) {
        index.put(rows[k])
        // short turns, so /health and searches (SQL meanwhile) answer while a load parses
        if (k % LOAD_TURN === LOAD_TURN - 1) await new Promise((resolve) => setImmediate(resolve))
      }
      progress.loaded += rows.length
    }
    this.index = index
    this.generation++
    this.documents.clear()
    this.lastSeq = head ? Number(head.seq) : 0
    this.anchor = head && { seq: Number(head.seq), id: head.id, at: head.at }
    this.pendingGap = undefined
    this.lastPoll = 0
    this.dirty = true
    progress.done = true
    progress.failed = undefined
    this.onLoaded?.(Date.now() - started, index.liveCount)
  }

  /**
   * Reads the log past lastSeq and applies it (re-reading the rows it names). The entry at
   * lastSeq is read too: if it is gone or another one, the log was rewound under this process —
   * the database restored from a snapshot or backup, the index dropped and made again — so its
   * sequence hands out numbers this process already took as seen, and only a load is safe.
   */
  private async poll() {
    // (the seq is read as text for bigint safety: order by the table's column, not that text alias,
    // or "100000" sorts before "99999")
    const started = Date.now()
    this.dirty = false
    const t = this.plan.table
    const anchor = this.anchor
    const read: ChangeLogRow[] = await this.manager.execute(
      `SELECT c."seq"::text AS seq, c."id", c."at"::text AS at FROM "${t}_chg" c WHERE c."seq" >= ?
        ORDER BY c."seq" LIMIT ${MAX_INCREMENTAL + 2}`,
      [anchor ? anchor.seq : this.lastSeq + 1]
    )
    this.lastPoll = started
    if (anchor) {
      const first = read[0]
      if (!first || Number(first.seq) !== anchor.seq || first.id !== anchor.id || first.at !== anchor.at) {
        if (this.index) this.reload()
        return
      }
    }
    const rows = anchor ? read.slice(1) : read
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
        pgArray(chunk),
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
    this.advance(rows)
    if (index.dead > 1000 && index.dead > index.slots / 4) this.compact()
  }

  /**
   * Moves lastSeq over the contiguous run of seen entries. A missing number is a write whose log
   * entry is not committed yet: it is waited for (its later neighbours are re-read meanwhile, which
   * is harmless) for GAP_MS, then taken for a rolled-back insert.
   */
  private advance(rows: ChangeLogRow[]) {
    let last = this.lastSeq
    let anchor = this.anchor
    for (const row of rows) {
      const s = Number(row.seq)
      if (s <= last) continue
      if (s !== last + 1) {
        const now = Date.now()
        if (!this.pendingGap || this.pendingGap.seq !== last + 1) this.pendingGap = { seq: last + 1, since: now }
        if (now - this.pendingGap.since < GAP_MS) break
      }
      last = s
      anchor = { seq: s, id: row.id, at: row.at }
    }
    if (last !== this.lastSeq) this.pendingGap = undefined
    this.lastSeq = last
    this.anchor = anchor
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
