import { describe, expect, it } from "vitest"
import { foldedTerms } from "./text"
import { findVariantSpans, synonymPhrases } from "./variants"

describe("spelling variants", () => {
  it("finds the longest rule at each position, left to right", () => {
    expect(findVariantSpans(foldedTerms("rice paper and rice"))).toEqual([
      { start: 0, end: 2, meant: [["banh", "trang"]] },
      { start: 3, end: 4, meant: [["gao"]] },
    ])
  })
  it("reads the words folded: Café and CA FE are cafe", () => {
    expect(findVariantSpans(foldedTerms("Café"))[0].meant).toEqual([["ca", "phe"]])
    expect(findVariantSpans(foldedTerms("CA FE sữa"))[0]).toMatchObject({ start: 0, end: 2 })
  })
  it("leaves words of the catalogue alone", () => {
    expect(findVariantSpans(foldedTerms("nước mắm cà phê trà"))).toEqual([])
  })
  it("gives Meilisearch the same rules as synonyms", () => {
    expect(synonymPhrases()["nuoc mm"]).toEqual(["nuoc mam"])
    expect(synonymPhrases().tea).toEqual(["tra", "che"])
  })
})
