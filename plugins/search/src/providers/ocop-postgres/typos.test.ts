import { describe, expect, it } from "vitest"
import { chooseCorrections, MAX_TYPO_CANDIDATES } from "./typos"

describe("typo corrections from lexicon neighbours", () => {
  it("a word of the lexicon is never corrected", () => {
    expect(
      chooseCorrections(
        "mam",
        [
          { cand: "mami", sim: 0.6 },
          { cand: "mam", sim: 1 },
        ],
        0.4
      )
    ).toBeNull()
  })
  it("keeps neighbours similar enough and within two letters in length, best first", () => {
    const neighbours = [
      { cand: "mammxyz", sim: 0.9 }, // three letters longer
      { cand: "mam", sim: 0.5 },
      { cand: "mami", sim: 0.7 },
      { cand: "mum", sim: 0.3 }, // not similar enough
    ]
    expect(chooseCorrections("mamm", neighbours, 0.4)).toEqual(["mami", "mam"])
  })
  it(`at most ${MAX_TYPO_CANDIDATES} corrections; none left means null`, () => {
    const many = ["aa", "ab", "ac", "ad", "ae", "af"].map((cand, i) => ({ cand, sim: 0.9 - i / 100 }))
    expect(chooseCorrections("ax", many, 0.4)).toEqual(["aa", "ab", "ac", "ad"])
    expect(chooseCorrections("ax", [{ cand: "zz", sim: 0.1 }], 0.4)).toBeNull()
  })
})
