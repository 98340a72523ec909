/**
 * The storage the in-process index (./memory-index) is built of: growable typed arrays, each
 * lexeme's postings, and each scalar column's codes with the slots holding each code.
 */
import type { PlannedColumn } from "./plan"
import { orEntryWeight, type Positions } from "./ts-rank"

/** Slots written since an order was sorted that make it sort again (see MemoryIndex.ordered). */
export const REORDER_AFTER = 4096

export class Growable<T extends Int32Array | Uint16Array | Uint8Array> {
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

export class GrowableF64 {
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
  /** The lexeme's number in its index (MemoryIndex.nameSeq); -1 for accent keys. */
  id = -1
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
  /**
   * Each posting's share of calc_rank_or (orEntryWeight, a float4), computed once when first asked;
   * `upTo`: only the first postings (the type-ahead warm-up weighs long lists a slice at a time).
   */
  orWeights(upTo = this.slots.n): Float32Array {
    const n = Math.min(upTo, this.slots.n)
    if (this.weighed < n) {
      if (this.weights.length < n) {
        const next = new Float32Array(Math.max(this.slots.n, this.weights.length * 2))
        next.set(this.weights.subarray(0, this.weighed))
        this.weights = next
      }
      for (let k = this.weighed; k < n; k++)
        this.weights[k] = orEntryWeight(this.pos.a, this.off.a[k], this.off.a[k + 1])
      this.weighed = n
    }
    return this.weights
  }
  /** How many postings orWeights has weighed. */
  get weighedCount() {
    return this.weighed
  }
  private weights = new Float32Array(0)
  private weighed = 0
}

/** A scalar column: a code per slot (0 = null) and each code's text (as ::text gives it) and number. */
export class ColumnValues {
  codes = new Growable(new Int32Array(16), int32)
  text: (string | null)[] = [null]
  num: number[] = [Number.NaN]
  /** Live documents per code (kept on every write): a dense match counts its complement only. */
  live: number[] = [0]
  private byText = new Map<string, number>()
  private byCode?: CodeSlots
  constructor(public readonly column: PlannedColumn) {}
  /**
   * The slots holding each code (live or not, ascending), for the first `covered` slots; sorted once
   * per column and kept like a page order (slots written since are tested one by one; sorted again
   * after REORDER_AFTER of them). A filter then visits only its values' slots.
   */
  slotsByCode(slots: number): CodeSlots {
    const kept = this.byCode
    if (kept && slots - kept.covered <= REORDER_AFTER) return kept
    const codes = this.codes.a
    const start = new Int32Array(this.text.length + 1)
    for (let s = 0; s < slots; s++) start[codes[s] + 1]++
    for (let c = 0; c < this.text.length; c++) start[c + 1] += start[c]
    const fill = start.slice(0, this.text.length)
    const list = new Int32Array(slots)
    for (let s = 0; s < slots; s++) list[fill[codes[s]]++] = s
    this.byCode = { start, slots: list, covered: slots }
    return this.byCode
  }
  code(text: string | null, num: number): number {
    if (text === null) return 0
    let c = this.byText.get(text)
    if (c === undefined) {
      c = this.text.length
      this.text.push(text)
      this.num.push(num)
      this.live.push(0)
      this.byText.set(text, c)
    }
    return c
  }
}

/** Each code's slots: slots[start[c]..start[c + 1]] (ascending), over the slots below `covered`. */
export type CodeSlots = { start: Int32Array; slots: Int32Array; covered: number }

/** A bitset word's set bits, in a few steps (not one step per bit: a search without words has ~32 per word). */
/**
 * A lexeme's weight-A entries (the product's name, or the former province it comes from), slots
 * ascending (a slot twice if its name holds the lexeme twice), each with its position and the
 * number (Postings.id) of the lexeme at the next position, or -1: a phrase in names is followed
 * from one word to the next along these lists (MemoryIndex.phraseBits).
 */
export class NamePostings {
  slots = new Growable(new Int32Array(4), int32)
  pos = new Growable(new Uint16Array(4), uint16)
  next = new Growable(new Int32Array(4), int32)
  /** The first entry of `slot` at or after entry `from` (entries are ascending by slot), or size. */
  seek(slot: number, from: number): number {
    const s = this.slots.a
    const n = this.slots.n
    let step = 1
    let hi = from
    while (hi < n && s[hi] < slot) {
      from = hi + 1
      hi += step
      step *= 2
    }
    if (hi > n) hi = n
    while (from < hi) {
      const mid = (from + hi) >> 1
      if (s[mid] < slot) from = mid + 1
      else hi = mid
    }
    return from
  }
}

/**
 * `out` and-ed (or or-ed) with `other`, word by word. Its own small function: a loop over every
 * word inside a larger method made V8 compile that method at the loop (on-stack replacement) with no
 * feedback for the code after it, and leave that compiled code at the loop's end on every call, the
 * rest of the method then running unoptimised (phraseBits at 1M documents: 130 times in 182 asks).
 */
export function andInto(out: Uint32Array, other: Uint32Array) {
  for (let w = 0; w < out.length; w++) out[w] &= other[w]
}
export function orInto(out: Uint32Array, other: Uint32Array) {
  for (let w = 0; w < out.length; w++) out[w] |= other[w]
}
export function andNotInto(out: Uint32Array, other: Uint32Array) {
  for (let w = 0; w < out.length; w++) out[w] &= ~other[w]
}

/** The set bits of a bitset. */
export function countBits(bits: Uint32Array): number {
  let count = 0
  for (let w = 0; w < bits.length; w++) count += wordBits(bits[w])
  return count
}

export function wordBits(v: number): number {
  v -= (v >>> 1) & 0x55555555
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}
