/**
 * The page order of an in-process search (./memory-search): ORDER BY as ./statement compileOrder
 * writes it (the keys, NULLS LAST either way, then id ascending), and the best slots so far.
 */
import type { MemoryIndex } from "./memory-index"
import type { ColumnValues } from "./memory-storage"
import type { MemoryOrderKey } from "./memory-plan"

export type SlotCompare = (a: number, b: number) => number

/** The ORDER BY keys of one order (then id), as the index's name for its presorted copy. */
export const orderName = (order: MemoryOrderKey[]) =>
  order.map((k) => `${k.field} ${k.desc ? "DESC" : "ASC"}`).join(",")

/** ORDER BY of ./statement compileOrder over slots, key by key: the keys (NULLS LAST), then id. */
export function keyCompare(index: MemoryIndex, order: MemoryOrderKey[], scores: Float64Array): SlotCompare {
  const keys = order.map((k) => {
    if (k.field === "_score") return { desc: k.desc, score: true as const }
    const col = index.column(k.field) as ColumnValues
    return { desc: k.desc, score: false as const, col, text: col.column.kind === "text" }
  })
  const ids = index.ids
  const idSorted = index.idSorted
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
    if (a < idSorted && b < idSorted) return a - b
    const ia = ids[a]
    const ib = ids[b]
    return ia < ib ? -1 : ia > ib ? 1 : 0
  }
}

/**
 * The same order as keyCompare, cheaper: the keys after the last _score key (then id) do not
 * depend on the search, so two slots of the index's presorted copy of them (MemoryIndex.ordered)
 * compare by their places in it; slots written since it was sorted compare key by key.
 */
export function pageCompare(index: MemoryIndex, order: MemoryOrderKey[], scores: Float64Array): SlotCompare {
  let last = -1
  order.forEach((k, x) => {
    if (k.field === "_score") last = x
  })
  // a column key before the _score key (rare): key by key
  if (order.slice(0, last + 1).some((k) => k.field !== "_score")) return keyCompare(index, order, scores)
  const rest = order.slice(last + 1)
  const restByKeys = keyCompare(index, rest, scores)
  // a kept order is used however stale (a text search does not sort it again; pages without words do)
  const { rank, covered } = index.ordered(orderName(rest), restByKeys, true)
  const byRest: SlotCompare = (a, b) => (a < covered && b < covered ? rank[a] - rank[b] : restByKeys(a, b))
  if (last < 0) return byRest
  // _score first, then the rest: the usual relevance order
  const desc = order[0].desc
  return (a, b) => {
    const d = scores[a] - scores[b]
    if (d) return desc ? -d : d
    return byRest(a, b)
  }
}

/** The best `limit` slots so far, kept sorted (few insertions: most offers lose to the last kept). */
export class TopSlots {
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
  /** The last slot kept once the page is full (an offer must beat it), else -1. */
  worst(): number {
    return this.kept.length === this.limit && this.limit > 0 ? this.kept[this.limit - 1] : -1
  }
  sorted() {
    return this.kept
  }
}
