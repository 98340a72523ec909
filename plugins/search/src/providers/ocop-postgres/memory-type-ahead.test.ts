import { describe, expect, it } from "vitest"
import { MemoryIndex } from "./memory-index"
import { planMemorySearch, type MemoryOrderKey } from "./memory-plan"
import { nameRankPage } from "./memory-name-rank"
import { memorySearch } from "./memory-search"
import { broadTypeAhead, depth, type TypeAheadQuery } from "./memory-type-ahead"
import { buildTablePlan } from "./plan"
import { parseTsQuery } from "./ts-rank"

const plan = buildTablePlan("t", {
  primary_key: "id",
  fields: {
    title: { type: "text", searchable: { weight: 3 } },
    stars: { type: "integer", filterable: true, facetable: true, sortable: true },
  },
})

let seed = 7
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]
// words sharing their first letters, as a type-ahead prefix meets them
const WORDS = [
  "nuoc",
  "nuong",
  "mam",
  "mat",
  "mang",
  "muoi",
  "tra",
  "trang",
  "tuyet",
  "ong",
  "qua",
  "che",
  "chet",
  "cam",
]
const ACCENTS = ["nước", "mắm", "trà", "cam"]

function row(id: string) {
  const words = Array.from({ length: 1 + Math.floor(rnd() * 7) }, () => pick(WORDS))
  const positions = new Map<string, string[]>()
  words.forEach((w, p) => {
    positions.set(w, [...(positions.get(w) ?? []), `${p + 1}${pick(["A", "B", "C", ""])}`])
  })
  const tsv = [...positions.keys()]
    .sort()
    .map((w) => `'${w}':${positions.get(w)!.join(",")}`)
    .join(" ")
  const accent = ACCENTS.filter(() => rnd() < 0.2).join(" ")
  return { id, tsv, accent, c0: pick(["3", "4", "5", null]) }
}

const ORDER: MemoryOrderKey[] = [
  { field: "_score", desc: true },
  { field: "stars", desc: true },
]
const QUERIES: [string, string | undefined, string[]][] = [
  ["nuoc & m:*", undefined, []],
  ["nuoc & m:*", undefined, ["nước"]],
  ["(nuoc | nuong) & m:*", "nuoc & m:*", ["mắm"]],
  ["tra & t:*", undefined, ["trà"]],
  ["cam & c:*", undefined, ["cam"]],
  ["che & tra & m:*", undefined, []],
  ["mam & nuoc:*", undefined, []],
  ["m:*", undefined, []],
  ["ca:*", undefined, ["cam"]],
  ["nu:*", undefined, ["nước"]],
  ["tra", undefined, ["trà"]],
]

/** A type-ahead by ts_rank, or ranked by the name (nameWeight 5, the words in a row). */
function typeAhead([q, typed, accents]: (typeof QUERIES)[number], take = 8, skip = 0, byName = false): TypeAheadQuery {
  const query = parseTsQuery(q)!
  return {
    query,
    typed: typed ? parseTsQuery(typed) : undefined,
    accentKeys: accents,
    order: ORDER,
    take,
    skip,
    ...(byName ? { nameWeight: 5, phrase: "kids" in query && query.op === "and" ? query.kids : undefined } : {}),
  }
}

/** memorySearch's page (or nameRankPage's): the answer every kept or bounded type-ahead must equal. */
function reference(index: MemoryIndex, q: TypeAheadQuery, take = q.take, skip = q.skip) {
  if (q.nameWeight !== undefined)
    return nameRankPage(index, { ...q, nameWeight: q.nameWeight, take, skip }).map((h) => ({
      id: index.ids[h.slot],
      score: h.score,
    }))
  const mplan = planMemorySearch(index.plan, {}, [], new Set(), { _score: "DESC", stars: "DESC" })!
  const search = {
    query: q.query,
    typed: q.typed,
    accentKeys: q.accentKeys,
    facets: [],
    disjunctive: new Set<string>(),
  }
  return memorySearch(index, { ...search, plan: mplan, take, skip }).page
}

describe("in-process type-ahead", () => {
  it("warms the longer starts and accented words whose words hold many postings, broadest first", () => {
    const index = new MemoryIndex(plan)
    // accent keys as the index keeps them: "nươc1" (nước), "tra2" (trà); "str1" names no word
    for (let i = 0; i < 300; i++) index.put({ ...row(`p${i}`), accent: pick(["nươc1", "tra2 str1", ""]) })
    const postings = (prefix: string) =>
      [...index.terms].filter(([w]) => w.startsWith(prefix)).reduce((n, [, p]) => n + p.size, 0)
    const min = postings("nuoc")
    const warmed = broadTypeAhead(index, 100, min)
    // "nuo" holds "nuoc" and "nuong"; "nước" is "nuoc" with its accent key
    expect(warmed).toEqual(expect.arrayContaining(["nuo", "nuoc", "nước"]))
    expect(warmed.every((q) => q.length > 2 || q === "trà")).toBe(true)
    expect(broadTypeAhead(index, 100, postings("nuo") + 1)).not.toContain("nuoc")
    const n = (q: string) => postings(q === "nước" ? "nuoc" : q === "trà" ? "tra" : q)
    expect(warmed.every((q) => n(q) >= min)).toBe(true)
    expect(warmed.map(n)).toEqual(warmed.map(n).sort((a, b) => b - a))
    expect(broadTypeAhead(index, 2, min)).toEqual(warmed.slice(0, 2))
  })

  it.each([
    ["ts_rank", false],
    ["the name", true],
  ])(
    "keeps answers ranked by %s across writes: kills leave, new matches are scored and placed, as computed afresh",
    (_, byName) => {
      const index = new MemoryIndex(plan)
      for (let i = 0; i < 2000; i++) index.put(row(`p${String(i).padStart(5, "0")}`))
      const keys = QUERIES.flatMap((c) => [typeAhead(c, 8, 0, byName), typeAhead(c, 5, 3, byName)])
      const keep = (q: TypeAheadQuery, key: string) => {
        const deep = reference(index, q, depth(q), 0).map((h) => ({ slot: index.slotOf.get(h.id)!, score: h.score }))
        index.typeAhead.keep(key, q, deep, true)
      }
      for (const [k, q] of keys.entries()) keep(q, String(k))
      let caughtUp = 0
      for (let round = 0; round < 30; round++) {
        // a few writes: new products, changed ones, and removals of what the pages show
        for (let w = 0; w < 1 + Math.floor(rnd() * 12); w++) index.put(row(`n${round}_${w}`))
        for (let w = 0; w < 3; w++) index.put(row(`p${String(Math.floor(rnd() * 2000)).padStart(5, "0")}`))
        for (const h of reference(index, keys[round % keys.length]).slice(0, 1 + (round % 5))) index.remove(h.id)
        keys.forEach((q, k) => {
          const got = index.typeAhead.get(String(k))
          if (got) caughtUp++
          else keep(q, String(k))
          expect(got ?? reference(index, q), `round ${round} ${k}`).toEqual(reference(index, q))
        })
      }
      expect(caughtUp).toBeGreaterThan(keys.length * 15)
    }
  )

  it("a removed document is never in a kept answer, even when the list held every match", () => {
    const index = new MemoryIndex(plan)
    for (let i = 0; i < 40; i++) index.put(row(`p${i}`))
    const q = typeAhead(["tra & t:*", undefined, ["trà"]])
    const deep = reference(index, q, depth(q), 0).map((h) => ({ slot: index.slotOf.get(h.id)!, score: h.score }))
    index.typeAhead.keep("k", q, deep, true)
    for (const h of reference(index, q)) {
      index.remove(h.id)
      const got = index.typeAhead.get("k")
      expect(got?.map((x) => x.id) ?? []).not.toContain(h.id)
      if (got) expect(got).toEqual(reference(index, q))
      else break
    }
  })
})
