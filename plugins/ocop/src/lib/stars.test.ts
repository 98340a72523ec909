import { describe, expect, it } from "vitest"
import { isCertifiedStars, starsForScore, starsScoreMismatch } from "./stars"

describe("OCOP star bands (QĐ 148/2023)", () => {
  it("maps scores to stars on half-open bands", () => {
    expect(starsForScore(0)).toBe(1)
    expect(starsForScore(49.9)).toBe(2)
    expect(starsForScore(50)).toBe(3)
    expect(starsForScore(69.99)).toBe(3)
    expect(starsForScore(70)).toBe(4)
    expect(starsForScore(89.5)).toBe(4)
    expect(starsForScore(90)).toBe(5)
    expect(starsForScore(100)).toBe(5)
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
