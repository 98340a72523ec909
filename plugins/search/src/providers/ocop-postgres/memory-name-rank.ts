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
import { countBits } from "./memory-storage"
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

/** A name rank's parts as bitsets: the names holding every word, those holding them in a row. */
function nameRankParts(index: MemoryIndex, q: NameRankQuery) {
  const named = index.nameMatch(q.query, index.scratchBitset("name rank: named"))
  const inRow = q.phrase && index.phraseBits(q.phrase, index.scratchBitset("name rank: in a row"))
  const typed = q.typed && index.match(q.typed)
  const accents = q.accentKeys.map((k) => index.accentBits(k)).filter((b): b is Bitset => !!b)
  return {
    named,
    inRow,
    typed,
    accents,
    score: (slot: number) => {
      let score = has(named, slot) ? q.nameWeight : 0
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
    const levels = accentLevels(index, accents)
    const level = index.scratchBitset("name rank: level")
    const rest = q.order.slice(1)
    const parts: [number, () => Bitset][] = [
      [2 * q.nameWeight, () => inRow!],
      [
        q.nameWeight,
        () => {
          if (!inRow) return named
          // the phrase holds every word in the name: those names are already offered
          const apart = index.scratchBitset("name rank: apart")
          for (let w = 0; w < named.length; w++) apart[w] = named[w] & ~inRow[w]
          return apart
        },
      ],
      [
        0,
        () => {
          const elsewhere = index.match(q.query, index.scratchBitset("name rank: elsewhere"))
          for (let w = 0; w < elsewhere.length; w++) elsewhere[w] &= ~named[w]
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
          for (let w = 0; w < part.length; w++) asTyped[w] = part[w] & (typedPart ? typed[w] : ~typed[w])
          part = asTyped
        }
        const bonus = typedPart ? 3 * q.nameWeight : 0
        // the slots of the part not yet in a level: once none is left, its other levels are empty
        let left = countBits(part)
        for (const { accent, into } of levels) {
          if (page.worst() >= 0 || !left) break
          if (levels.length === 1) level.set(part)
          else into(part, level)
          left -= offerLevel(index, rest, level, bonus + base + accent, page, scores)
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
 * The accent bonuses a match can hold, best first (0.5 per exact-accent key), each with the test
 * that writes a part's slots holding exactly it into a bitset, counted per slot word-parallel (one
 * bitset per binary digit of the count).
 */
function accentLevels(index: MemoryIndex, accents: Bitset[]) {
  const digits: Bitset[] = []
  for (let d = 0; 1 << d <= accents.length; d++)
    digits.push(index.scratchBitset(`name rank: accent count ${d}`).fill(0))
  // a ripple-carry add of each accent bitset into the count's digits
  for (const a of accents)
    for (let w = 0; w < a.length; w++) {
      let carry = a[w]
      for (let d = 0; d < digits.length && carry; d++) {
        const sum = digits[d][w] ^ carry
        carry &= digits[d][w]
        digits[d][w] = sum
      }
    }
  const levels: { accent: number; into: (part: Bitset, out: Bitset) => void }[] = []
  for (let count = accents.length; count >= 0; count--)
    levels.push({
      accent: 0.5 * count,
      /** Writes the part's slots holding exactly `count` of the keys into `out`. */
      into: (part, out) => {
        for (let w = 0; w < part.length; w++) {
          let bits = part[w]
          // most words of a part are empty
          for (let d = 0; d < digits.length && bits; d++) bits &= (count >> d) & 1 ? digits[d][w] : ~digits[d][w]
          out[w] = bits
        }
      },
    })
  return levels
}

/**
 * A level holds slots of one score (the page orders them by the other keys, then id). "auto" offers
 * it slot by slot when it has at most 1,024 slots, when the page needs all of them, or when reading
 * the presorted order of the other keys until the page is full would visit more than 8 places per
 * slot of the level; else in that order. Tests take each way ("slots", "order") on small indexes.
 */
export const nameRankPaths: { levels: "auto" | "slots" | "order" } = { levels: "auto" }

/** Offers the slots of one level (all scoring `score`) that the page has room for; answers their number. */
function offerLevel(
  index: MemoryIndex,
  rest: MemoryOrderKey[],
  level: Bitset,
  score: number,
  page: TopSlots,
  scores: Float64Array
) {
  const offer = (slot: number) => {
    scores[slot] = score
    page.offer(slot)
  }
  const n = countBits(level)
  if (!n) return 0
  const need = page.limit - page.sorted().length
  // the order's places visited until `need` slots of the level are found, on average
  const visits = (need * index.liveCount) / n
  const slotBySlot =
    nameRankPaths.levels === "auto" ? n <= 1024 || n <= need || visits > 8 * n : nameRankPaths.levels === "slots"
  if (slotBySlot) {
    forEachSlot(level, offer)
    return n
  }
  // in the order's places: once the page is full, a later slot of the same score loses on the keys
  const { slots, covered } = index.ordered(orderName(rest), keyCompare(index, rest, scores), true)
  for (let x = 0; x < slots.length && page.worst() < 0; x++) if (has(level, slots[x])) offer(slots[x])
  // the rest of the level loses to the page; the slots written since the order was sorted may not
  forEachSlot(level, offer, covered)
  return n
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
