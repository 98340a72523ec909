/**
 * OCOP star rules (QĐ 148/QĐ-TTg, 2023). Scores run 0–100; only 3★, 4★ and 5★ are certified.
 * Bands are half-open: 3★ = [50, 70), 4★ = [70, 90), 5★ = [90, 100].
 */
export const CERTIFIED_STARS = [3, 4, 5] as const
export type CertifiedStars = (typeof CERTIFIED_STARS)[number]

const BANDS: Array<{ stars: number; min: number; max: number }> = [
  { stars: 1, min: 0, max: 30 },
  { stars: 2, min: 30, max: 50 },
  { stars: 3, min: 50, max: 70 },
  { stars: 4, min: 70, max: 90 },
  { stars: 5, min: 90, max: 100.0001 },
]

export function isCertifiedStars(stars: number): stars is CertifiedStars {
  return (CERTIFIED_STARS as readonly number[]).includes(stars)
}

export function starsForScore(score: number): number {
  const band = BANDS.find((b) => score >= b.min && score < b.max)
  if (!band) throw new RangeError(`score ${score} is outside 0–100`)
  return band.stars
}

/** The score band a star level requires, for messages: "50–<70". */
export function scoreBandFor(stars: number): { min: number; max: number } | undefined {
  const band = BANDS.find((b) => b.stars === stars)
  return band ? { min: band.min, max: Math.min(band.max, 100) } : undefined
}

/** Null when consistent; otherwise a sentence the user will read. */
export function starsScoreMismatch(stars: number, score: number | null | undefined): string | null {
  if (score === null || score === undefined) return null
  const expected = starsForScore(score)
  if (expected === stars) return null
  const band = scoreBandFor(stars)!
  return `A score of ${score} gives ${expected}★, not ${stars}★ (${stars}★ needs ${band.min} ≤ score < ${band.max === 100 ? "=100" : band.max}).`
}
