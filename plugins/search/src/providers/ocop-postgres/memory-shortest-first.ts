/**
 * The page of a ranked search of two or more words without filters or facets (a type-ahead past
 * its first word, "nước m"), shortest document first. Its rank is calc_rank_and, at most
 * 1 / log2(length + 1) before the bonuses (SlotScorer.bound), so once the page is full the matches
 * are visited in the index's length order (MemoryIndex.lengthOrder) and the visit stops when even
 * a document of the current length with every bonus would lose to the page's last score. At 1M
 * documents "nước m" matches 75,679 and scores about 1,700 this way; the full pass over the match
 * (./memory-search) took ~30 ms of the suggest p95 (bench/RESULTS.md). Words far apart leave most
 * matches' caps above the page ("cam c"): after scoring an eighth of the match (sooner when that is
 * certain), or after shortestFirstLimits.timeMs, this gives up and the full pass, cheaper per match,
 * answers.
 */
import type { Bitset, MemoryIndex } from "./memory-index"
import type { SlotScorer } from "./memory-scoring"
import type { TopSlots } from "./memory-order"

/** Time the visit may take before the full pass answers instead (tests lift it: machines are noisy). */
export const shortestFirstLimits = { timeMs: 2 }
/** Scored matches, in length order, before a search without bonuses asks whether to go on. */
const FIRST_LOOK = 512

/**
 * The page's slots in page order, their scores in `scores`; undefined when the full pass is the
 * cheaper way. `page` must order by score first, descending.
 */
export function shortestFirstPage(
  index: MemoryIndex,
  matched: Bitset,
  matchedCount: number,
  scorer: SlotScorer,
  page: TopSlots,
  scores: Float64Array
): number[] | undefined {
  const { slots: order, lengths, start, covered } = index.lengthOrder()
  let worstScore = Number.NEGATIVE_INFINITY
  let scored = 0
  // scoring a match out of order costs a few times what the full pass spends on one; and past a few
  // ms the visit is no longer what makes a first ask fast (the answer is the same either way)
  const budget = Math.max(matchedCount / 8, 2 * FIRST_LOOK)
  const giveUpAt = performance.now() + shortestFirstLimits.timeMs
  /**
   * Whether a visit without bonuses (no accent key, no typo) is hopeless: the slots of the order
   * whose cap still beats the page hold about that share of the match, more than the budget.
   */
  const hopeless = () => {
    let b = 0
    while (b < lengths.length && (!lengths[b] || scorer.boundOfLength(lengths[b]) >= worstScore)) b++
    return (start[b] / order.length) * matchedCount > budget
  }
  const withoutBonus = scorer.boundOfLength(1) === 1
  const visit = (slot: number, inOrder: boolean): boolean => {
    if (!(matched[slot >> 5] & (1 << (slot & 31)))) return true
    if (scorer.bound(slot) < worstScore) return true
    if (inOrder && ++scored > budget) return false
    if (inOrder && (scored & 63) === 0 && performance.now() > giveUpAt) return false
    // asked once the shortest documents have had a chance to fill the page with good scores
    if (inOrder && withoutBonus && scored === FIRST_LOOK && hopeless()) return false
    const score = scorer.scoreAnyOrder(slot)
    if (score < worstScore) return true
    scores[slot] = score
    page.offer(slot)
    const worst = page.worst()
    if (worst >= 0) worstScore = scores[worst]
    return true
  }
  // slots written since the order was sorted are not in it: visited first, every one
  for (let slot = covered; slot < index.slots; slot++) visit(slot, false)
  for (let b = 0; b < lengths.length; b++) {
    // every later slot is at least this long: its cap is no higher (an empty document matches nothing)
    if (lengths[b] && scorer.boundOfLength(lengths[b]) < worstScore) break
    for (let x = start[b]; x < start[b + 1]; x++) {
      const slot = order[x]
      if (matched[slot >> 5] & (1 << (slot & 31)) && !visit(slot, true)) return undefined
    }
  }
  return page.sorted()
}
