import { describe, expect, it } from "vitest"
import { isCertifiedStars, starsForScore, starsScoreMismatch } from "./stars"

describe("OCOP star bands (QĐ 148/2023)", () => {
  it("maps scores to stars on half-open bands", () => {
    // Both edges of every band: [score, stars].
    const edges: Array<[number, number]> = [
      [0, 1],
      [49.9, 2],
      [50, 3],
      [69.99, 3],
      [70, 4],
      [89.5, 4],
      [90, 5],
      [100, 5],
    ]
    for (const [score, stars] of edges) expect(starsForScore(score), `score ${score}`).toBe(stars)
  })
  it("refuses scores outside 0–100", () => {
    expect(() => starsForScore(-1)).toThrow(RangeError)
    expect(() => starsForScore(100.5)).toThrow(RangeError)
  })
  it("certifies only 3, 4 and 5 stars", () => {
    expect([1, 2, 3, 4, 5, 6].filter(isCertifiedStars)).toEqual([3, 4, 5])
  })
  it("explains a star level that disagrees with the score", () => {
    expect(starsScoreMismatch(4, 78)).toBeNull()
    expect(starsScoreMismatch(4, null)).toBeNull()
    expect(starsScoreMismatch(5, 72)).toMatch(/gives 4★, not 5★/)
    expect(starsScoreMismatch(3, 49)).toMatch(/gives 2★/)
  })
})
