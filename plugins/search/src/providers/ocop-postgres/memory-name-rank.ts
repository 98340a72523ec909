/**
 * A type-ahead ranked by the product's name (the provider option `rank: "name"`), as the SQL
 * statement scores it (text-match compileTextMatch): a match whose name holds every word scores
 * nameWeight, as much again when the name holds them as a phrase (words in a row), 3 × nameWeight
 * more when the words match as typed (typos were corrected) and 0.5 per exact-accent key; then by
 * the order's other keys (stars) and id. Each part of the score is a bitset (the phrase one from
 * the names' own entries, MemoryIndex.phraseBits), so no match is scored from its postings'
 * positions: at 1M documents a prefix matching 10⁵ of them answers in about a millisecond, where
 * `ts_rank` needed every match's positions.
 *
 * The words as typed come first; within them (and the rest) a phrase in the name, the other name
 * matches, the other matches, whatever their accents (nameWeight is more than the accents
 * together); within each the accents, best
 * first: the page is filled level by level, each level a bitset of slots of one score. A large
 * level is read in the presorted order of the other keys (MemoryIndex.ordered) until the page is
 * full, a small one slot by slot; the first levels usually fill the page.
 */
import type { Bitset, MemoryIndex } from "./memory-index"
import { keyCompare, orderName, pageCompare, TopSlots } from "./memory-order"
import type { MemoryOrderKey } from "./memory-plan"
import { andInto, andNotInto, countBits, wordBits } from "./memory-storage"
import { matchesWords, type WrittenWords } from "./memory-type-ahead"
import type { TsNode } from "./ts-rank"

export type NameRankQuery = {
  query: TsNode
  /** The query as typed, when typos were corrected: a match of it scores 1 more. */
  typed?: TsNode
  /** The operands of the words in a row (text-match phraseable), or undefined. */
  phrase?: TsNode[]
  /** The query's exact-accent keys (0.5 each for a document holding it). */
  accentKeys: string[]
  /** What a name holding every word scores, and a phrase again (text-match nameWeight). */
  nameWeight: number
  order: MemoryOrderKey[]
  take: number
  skip: number
}

const has = (bits: Bitset, slot: number) => (bits[slot >> 5] & (1 << (slot & 31))) !== 0

/**
 * A name rank's parts as bitsets: the names holding every word (made on first use: a page filled by
 * the phrase never needs it), those holding them in a row, the words as typed, the accent keys.
 */
function nameRankParts(index: MemoryIndex, q: NameRankQuery) {
  let namedBits: Bitset | undefined
  const named = () => (namedBits ??= index.nameMatch(q.query, index.scratchBitset("name rank: named")))
  const inRow = q.phrase && index.phraseBits(q.phrase, index.scratchBitset("name rank: in a row"))
  const typed = q.typed && index.match(q.typed)
  const accents = q.accentKeys.map((k) => index.accentBits(k)).filter((b): b is Bitset => !!b)
  return {
    named,
    inRow,
    typed,
    accents,
    score: (slot: number) => {
      let score = has(named(), slot) ? q.nameWeight : 0
      if (inRow && has(inRow, slot)) score += q.nameWeight
      if (typed && has(typed, slot)) score += 3 * q.nameWeight
      for (const a of accents) if (has(a, slot)) score += 0.5
      return score
    },
  }
}

/**
 * The score of a slot written since a kept answer (./memory-type-ahead catches it up) from the
 * words the write recorded, as nameRankPage scores it: no bitset over every slot is built for it.
 */
export function writtenNameScore(index: MemoryIndex, q: NameRankQuery, slot: number, written: WrittenWords): number {
  const names = written.names
  let score = matchesWords(
    q.query,
    names.map((n) => n.word)
  )
    ? q.nameWeight
    : 0
  if (score && q.phrase && inRowOf(q.phrase, names)) score += q.nameWeight
  if (q.typed && matchesWords(q.typed, written.words)) score += 3 * q.nameWeight
  for (const key of q.accentKeys) {
    const bits = index.accentBits(key)
    if (bits && has(bits, slot)) score += 0.5
  }
  return score
}

/** Whether a name (its words in position order) holds the operands at consecutive positions. */
function inRowOf(chain: TsNode[], names: { word: string; pos: number }[]): boolean {
  return names.some(
    (start, e) =>
      e + chain.length <= names.length &&
      chain.every((node, k) => names[e + k].pos === start.pos + k && matchesWords(node, [names[e + k].word]))
  )
}

/** The best skip + take matches in page order, from `skip` on, with their scores. */
export function nameRankPage(index: MemoryIndex, q: NameRankQuery): { slot: number; score: number }[] {
  const { named, inRow, typed, accents, score } = nameRankParts(index, q)
  const scores = index.scores()
  const page = new TopSlots(q.skip + q.take, pageCompare(index, q.order, scores))
  const first = q.order[0]
  const scoreFirst = first?.field === "_score" && first.desc && !q.order.slice(1).some((k) => k.field === "_score")
  if (!scoreFirst || page.limit === 0) {
    forEachSlot(index.match(q.query), (slot) => {
      scores[slot] = score(slot)
      page.offer(slot)
    })
  } else {
    // Parts in score order: the names holding the words in a row, the other names holding them
    // (a name holding every word is a match: weight-A entries are entries), the other matches.
    // Each outscores the next whatever the bonuses, so a part is looked at only while the page has
    // room, and the whole match (its prefixes' bitsets cost the most to build) seldom is.
    const level = index.scratchBitset("name rank: level")
    const rest = q.order.slice(1)
    const parts: [number, () => Bitset][] = [
      [2 * q.nameWeight, () => inRow!],
      [
        q.nameWeight,
        () => {
          if (!inRow) return named()
          // the phrase holds every word in the name: those names are already offered
          const apart = index.scratchBitset("name rank: apart")
          apart.set(named())
          andNotInto(apart, inRow)
          return apart
        },
      ],
      [
        0,
        () => {
          const elsewhere = index.match(q.query, index.scratchBitset("name rank: elsewhere"))
          andNotInto(elsewhere, named())
          return elsewhere
        },
      ],
    ]
    const made = new Map<number, Bitset>()
    const asTyped = index.scratchBitset("name rank: as typed")
    // the words as typed first (when a typo was corrected), then the rest
    for (const typedPart of typed ? [true, false] : [undefined]) {
      for (const [base, bitsOf] of inRow ? parts : parts.slice(1)) {
        let part = made.get(base) ?? bitsOf()
        made.set(base, part)
        if (typed) {
          asTyped.set(part)
          if (typedPart) andInto(asTyped, typed)
          else andNotInto(asTyped, typed)
          part = asTyped
        }
        const bonus = typedPart ? 3 * q.nameWeight : 0
        // the slots of the part not yet in a level: once none is left, its other levels are empty
        let left = countBits(part)
        for (let count = accents.length; count >= 0; count--) {
          if (page.worst() >= 0 || !left) break
          const n = accents.length ? holdingExactly(part, accents, count, level) : (level.set(part), left)
          offerLevel(index, rest, level, n, bonus + base + 0.5 * count, page, scores)
          left -= n
        }
        if (page.worst() >= 0) break
      }
      if (page.worst() >= 0) break
    }
  }
  return page
    .sorted()
    .slice(q.skip)
    .map((slot) => ({ slot, score: scores[slot] }))
}

/**
 * Writes the part's slots holding exactly `count` of the accent keys into `out` (a level of the
 * page: 0.5 per key) and answers their number. The keys are counted per word of 32 slots in four
 * binary digits (a ripple-carry add of each key's word). One loop serves every level, the best one
 * (every key) included, which nearly every ask runs: a path only a few asks take (the levels below)
 * ran unoptimised on its first use, 10–15 ms at 1M documents, and counting the keys over all the
 * slots before the best level cost up to 1.2 ms an ask.
 */
function holdingExactly(part: Bitset, accents: Bitset[], count: number, out: Bitset): number {
  if (accents.length > 15) return holdingExactlyOneByOne(part, accents, count, out)
  let n = 0
  for (let w = 0; w < part.length; w++) {
    let bits = part[w]
    if (bits) {
      let d0 = 0
      let d1 = 0
      let d2 = 0
      let d3 = 0
      for (let k = 0; k < accents.length; k++) {
        const c0 = d0 & accents[k][w]
        d0 ^= accents[k][w]
        const c1 = d1 & c0
        d1 ^= c0
        const c2 = d2 & c1
        d2 ^= c1
        d3 ^= c2
      }
      bits &= (count & 1 ? d0 : ~d0) & (count & 2 ? d1 : ~d1) & (count & 4 ? d2 : ~d2) & (count & 8 ? d3 : ~d3)
      if (bits) n += wordBits(bits)
    }
    out[w] = bits
  }
  return n
}

/** holdingExactly for more keys than four binary digits count (a query of 16 accented words and more). */
function holdingExactlyOneByOne(part: Bitset, accents: Bitset[], count: number, out: Bitset): number {
  out.fill(0)
  let n = 0
  forEachSlot(part, (slot) => {
    if (accents.filter((a) => has(a, slot)).length !== count) return
    out[slot >> 5] |= 1 << (slot & 31)
    n++
  })
  return n
}

/**
 * A level holds slots of one score (the page orders them by the other keys, then id). "auto" offers
 * it slot by slot when it has at most 1,024 slots, when the page needs all of them, or when reading
 * the presorted order of the other keys until the page is full would visit more than 8 places per
 * slot of the level; else in that order. Tests take each way ("slots", "order") on small indexes.
 */
export const nameRankPaths: { levels: "auto" | "slots" | "order" } = { levels: "auto" }

/** Offers the slots of one level (its `n` slots all scoring `score`) that the page has room for. */
function offerLevel(
  index: MemoryIndex,
  rest: MemoryOrderKey[],
  level: Bitset,
  n: number,
  score: number,
  page: TopSlots,
  scores: Float64Array
) {
  const offer = (slot: number) => {
    scores[slot] = score
    page.offer(slot)
  }
  if (!n) return
  const need = page.limit - page.sorted().length
  // the order's places visited until `need` slots of the level are found, on average
  const visits = (need * index.liveCount) / n
  const slotBySlot =
    nameRankPaths.levels === "auto" ? n <= 1024 || n <= need || visits > 8 * n : nameRankPaths.levels === "slots"
  if (slotBySlot) {
    forEachSlot(level, offer)
    return
  }
  // in the order's places: once the page is full, a later slot of the same score loses on the keys
  const { slots, covered } = index.ordered(orderName(rest), keyCompare(index, rest, scores), true)
  for (let x = 0; x < slots.length && page.worst() < 0; x++) if (has(level, slots[x])) offer(slots[x])
  // the rest of the level loses to the page; the slots written since the order was sorted may not
  forEachSlot(level, offer, covered)
}

function forEachSlot(bits: Bitset, visit: (slot: number) => void, from = 0) {
  for (let w = from >> 5; w < bits.length; w++) {
    let word = bits[w]
    if (w === from >> 5) word &= ~0 << (from & 31)
    while (word) {
      const bit = word & -word
      word ^= bit
      visit((w << 5) | (31 - Math.clz32(bit)))
    }
  }
}
