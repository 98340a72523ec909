import { describe, expect, it } from "vitest"
import { MemoryIndex } from "./memory-index"
import { buildTablePlan } from "./plan"
import { parseTsQuery, parseTsVector, queryOperands, rankedAsAnd, tsRank, wordDistance } from "./ts-rank"

describe("tsquery and tsvector text", () => {
  it("parses what textTsQuery writes, & binding tighter than |", () => {
    expect(parseTsQuery("nuoc & mam")).toEqual({
      op: "and",
      kids: [
        { term: "nuoc", prefix: false },
        { term: "mam", prefix: false },
      ],
    })
    const q = parseTsQuery("(cafe | (ca & phe)) & lam:*")!
    expect(rankedAsAnd(q)).toBe(true)
    expect(queryOperands(q).map((o) => o.term)).toEqual(["ca", "cafe", "lam", "phe"])
    expect(rankedAsAnd(parseTsQuery("(mam | mamm)")!)).toBe(false)
    expect(parseTsQuery("")).toBeUndefined()
  })
  it("reads positions and weights (A=3 … D=0 in the top two bits)", () => {
    const v = parseTsVector("'binh':5A,14B,40 'it''s':2C")
    expect([...v.get("binh")!]).toEqual([(3 << 14) | 5, (2 << 14) | 14, 40])
    expect([...v.get("it's")!]).toEqual([(1 << 14) | 2])
  })
})

describe("ts_rank(tsv, query, 1) as Postgres computes it", () => {
  // reference values from Postgres 18: SELECT ts_rank(tsv, q, 1)
  it("one word (calc_rank_or)", () => {
    const v = parseTsVector("'a':1")
    expect(tsRank([[v.get("a")!]], false, 1, 1)).toBe(Math.fround(0.06079271))
  })
  it("two words in AND (calc_rank_and) and the word distance", () => {
    const v = parseTsVector(
      "'5':27C 'binh':5A,14B,40 'dak':16B,42 'do':4A,11B,23C,32,37 'dong':13B,39 'htx':7B,33 'lam':12B,38 " +
        "'long':2A,9B,21C,30,35 'nong':17B,43 'ocop':26C 'pham':19B,25C,45 'ruot':3A,10B,22C,31,36 'san':24C " +
        "'sao':28C 'thanh':1A,8B,20C,29,34 'thuan':6A,15B,41 'thuc':18B,44"
    )
    const length = [...v.values()].reduce((n, p) => n + p.length, 0)
    expect(tsRank([[v.get("binh")!], [v.get("thuan")!]], true, 2, length)).toBe(Math.fround(0.18065159))
    expect(wordDistance(101)).toBe(Math.fround(1e-30))
  })
})

describe("the in-process index reads a tsvector as parseTsVector does", () => {
  it("plain and escaped lexemes, with and without positions", () => {
    const index = new MemoryIndex(buildTablePlan("t", { fields: {}, primary_key: "id" }))
    const tsv = "'a':1A,3 'it''s':2C 'x\\\\y':4 'z'"
    index.put({ id: "p1", tsv, accent: "" })
    const expected = parseTsVector(tsv)
    for (const [word, positions] of expected) {
      const p = index.terms.get(word)!
      expect([...p.pos.a.subarray(p.off.a[0], p.off.a[1])], word).toEqual([...positions])
    }
    expect([...index.terms.keys()].sort()).toEqual([...expected.keys()].sort())
  })
})
