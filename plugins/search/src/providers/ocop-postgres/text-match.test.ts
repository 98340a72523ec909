import { describe, expect, it } from "vitest"
import { compileTextMatch, correctableTerms, nameWeight, parseTextQuery, phraseable, textTsQuery } from "./text-match"

describe("free text → match and score", () => {
  it("folds the query into tsquery-safe words (accents, đ, punctuation, operators)", () => {
    expect(parseTextQuery("  Đặc sản & Hoà|Bình!  ").terms).toEqual(["dac", "san", "hoa", "binh"])
    expect(parseTextQuery(undefined).terms).toEqual([])
  })
  it("all words must match by default; any with match_strategy any; the last is a prefix with last", () => {
    expect(textTsQuery(parseTextQuery("nuoc mam"))).toBe("nuoc & mam")
    expect(textTsQuery(parseTextQuery("nuoc mam", "any"))).toBe("nuoc | mam")
    expect(textTsQuery(parseTextQuery("nuoc ma", "last"))).toBe("nuoc & ma:*")
  })
  it("typo alternatives join their word as an OR, never the prefix word", () => {
    const text = parseTextQuery("nuoc mamm ca", "last")
    // "nuoc" is a well-formed syllable: never a typo
    expect(correctableTerms(text)).toEqual(["mamm"])
    expect(textTsQuery(text, new Map([["mamm", ["mam", "mami"]]]))).toBe("nuoc & (mamm | mam | mami) & ca:*")
  })
  it("spelling variants OR the words as typed with the words meant, and are never typo-corrected", () => {
    expect(textTsQuery(parseTextQuery("ca fe sua"))).toBe("((ca & fe) | (ca & phe)) & sua")
    expect(textTsQuery(parseTextQuery("tea"))).toBe("(tea | tra | che)")
    const text = parseTextQuery("coffee rangg")
    expect(correctableTerms(text)).toEqual(["rangg"])
    expect(textTsQuery(text, new Map([["rangg", ["rang"]]]))).toBe("(coffee | (ca & phe)) & (rangg | rang)")
    expect(textTsQuery(parseTextQuery("nuoc mm", "last"))).toBe("((nuoc & mm:*) | (nuoc & mam))")
  })
  it("without words every row matches with score 0", () => {
    expect(compileTextMatch(parseTextQuery("  !! "), new Map())).toEqual({
      matchSql: "TRUE",
      matchParams: [],
      scoreSql: "0",
      scoreParams: [],
    })
  })
  it("scores rank, then words as typed when typos were corrected, then each exact-accent key", () => {
    const m = compileTextMatch(parseTextQuery("nước mamm"), new Map([["mamm", ["mam"]]]))
    expect(m.matchParams).toEqual(["nuoc & (mamm | mam)"])
    expect(m.scoreSql.split(" + ")).toHaveLength(3)
    // rank with the corrected query, exact test with the words as typed, accent key of "nước" only
    expect(m.scoreParams).toEqual(["nuoc & (mamm | mam)", "nuoc & mamm", " nươc1 "])
  })
  it("no exact-words bonus without corrections, and no accent bonus for unaccented words", () => {
    const m = compileTextMatch(parseTextQuery("nuoc mam"), new Map())
    expect(m.scoreParams).toEqual(["nuoc & mam"])
    expect(m.scoreSql).toBe(`ts_rank("tsv", to_tsquery('simple', ?), 1)`)
  })
  it("a type-ahead ranked by the name matches every word with weight A and outweighs every bonus", () => {
    const typos = new Map([["mamm", ["mam"]]])
    const text = parseTextQuery("nước mamm ca", "last")
    expect(textTsQuery(text, typos, { names: true })).toBe("nuoc:A & (mamm:A | mam:A) & ca:*A")
    expect(textTsQuery(text, typos, { names: true, phrase: true })).toBe("nuoc:A <-> (mamm:A | mam:A) <-> ca:*A")
    expect(textTsQuery(parseTextQuery("ca fe"), new Map(), { names: true })).toBe("((ca:A & fe:A) | (ca:A & phe:A))")
    // a spelling variant's words inside a phrase would mean something else: not weighed as a phrase
    expect(phraseable(parseTextQuery("ca fe"))).toBe(false)
    expect(phraseable(parseTextQuery("mat", "last"))).toBe(false)
    expect(phraseable(text)).toBe(true)
    // 0.5 for the accent key of "nước": a name match scores more; the words as typed 3 × as much
    expect(nameWeight(text)).toBe(1.5)
    const m = compileTextMatch(text, typos, "name")
    expect(m.matchParams).toEqual(["nuoc & (mamm | mam) & ca:*"])
    expect(m.scoreSql).not.toContain("ts_rank")
    expect(m.scoreSql.match(/THEN 1\.5 ELSE 0 END/g)).toHaveLength(2)
    expect(m.scoreSql).toMatch(/THEN 4\.5 ELSE 0 END/)
    expect(m.scoreParams).toEqual([
      "nuoc:A & (mamm:A | mam:A) & ca:*A",
      "nuoc:A <-> (mamm:A | mam:A) <-> ca:*A",
      "nuoc & mamm & ca:*",
      " nươc1 ",
    ])
  })
})
