/**
 * The page of a ranked search without filters whose counts are taken another way or not asked (a
 * type-ahead past its first word, "nước m"; a word in every description, "quà"), shorter documents
 * first. Its rank is at most a cap divided by log2(length + 1), plus the bonuses (SlotScorer.bound:
 * 1 for calc_rank_and, the largest sum for an OR rank summed term at a time), so the matches are
 * scored a tier of lengths at a time (MemoryIndex.lengthTiers: the shortest 1/64 of the documents,
 * then the rest of the shortest 1/32, …, then the rest), each tier in slot order as the full pass scores
 * (SlotScorer.gatherTermAtATime), and the scoring stops once the shortest document of the next
 * tier, with every bonus, would lose to the page's last score.
 *
 * At 1M documents "nước m" (75,679 matches) is answered from its first tier or two. Words rarely
 * near each other ("thổ c", "che t") score well below every cap of their lengths: no tier's end
 * can stop them, so after the first tier the rest is scored in one pass, as the full pass would.
 * (A visit one document at a time in length order, the approach before this one, scored each match
 * out of slot order at several times the cost and lost on exactly those prefixes: bench/RESULTS.md.)
 */
import type { Bitset, MemoryIndex } from "./memory-index"
import type { TopSlots } from "./memory-order"
import type { SlotScorer } from "./memory-scoring"
import { wordBits } from "./memory-storage"

let tierScratch = new Uint32Array(0)

/** The page's slots in page order, their scores in `scores`. `page` must order by score first, descending. */
export function shorterTiersPage(
  index: MemoryIndex,
  matched: Bitset,
  scorer: SlotScorer,
  page: TopSlots,
  scores: Float64Array
): number[] {
  const { tiers, lengths, covered } = index.lengthTiers()
  if (tierScratch.length < matched.length) tierScratch = new Uint32Array(Math.ceil(matched.length * 1.25))
  const tier = tierScratch
  const coveredWord = covered >> 5
  const coveredMask = covered & 31 ? (1 << (covered & 31)) - 1 : 0
  let worstScore = Number.NEGATIVE_INFINITY
  let outer: Uint32Array | undefined
  for (let t = 0; t <= tiers.length; ) {
    const inner = t < tiers.length ? tiers[t].bits : undefined
    let count = 0
    for (let w = 0; w < matched.length; w++) {
      const word = matched[w]
      if (!word) {
        tier[w] = 0
        continue
      }
      // the slots of this tier that are not in an earlier one; the slots written since are in none:
      // the first tier scores them
      const sorted = w < coveredWord ? -1 : w === coveredWord ? coveredMask : 0
      let mine = (inner ? inner[w] : -1) & ~(outer ? outer[w] : 0) & sorted
      if (t === 0) mine |= ~sorted
      const bits = word & mine
      tier[w] = bits
      if (bits) count += wordBits(bits)
    }
    if (count) {
      scorer.rewind()
      scorer.gatherTermAtATime(tier, count)
      for (let w = 0; w < matched.length; w++) {
        let word = tier[w]
        while (word) {
          const bit = word & -word
          word ^= bit
          const slot = (w << 5) | (31 - Math.clz32(bit))
          if (scorer.bound(slot) < worstScore) continue
          const score = scorer.score(slot)
          if (score < worstScore) continue
          scores[slot] = score
          page.offer(slot)
          const worst = page.worst()
          if (worst >= 0) worstScore = scores[worst]
        }
      }
    }
    if (t === tiers.length) break
    // every slot of a later tier is at least as long as the first length after this one
    const full = page.worst() >= 0
    if (full && scorer.boundOfLength(lengths[tiers[t].lengths]) < worstScore) break
    outer = inner
    // when not even the last tier's end could stop the scoring, the rest is scored in one pass
    const last = tiers[tiers.length - 1]
    t = !full || scorer.boundOfLength(lengths[last.lengths]) < worstScore ? t + 1 : tiers.length
  }
  return page.sorted()
}
