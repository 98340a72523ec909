import { describe, expect, it } from "vitest"
import { ocopPlan } from "../../__tests__/ocop-plan"
import { assembleHits, type HitRow } from "./hits"
import { parseTextQuery } from "./text-match"

const plan = ocopPlan()
const rows: HitRow[] = [
  {
    id: "p1",
    document: JSON.stringify({ id: "p1", title: "Nước mắm Phú Quốc", stars: 5, description: "mắm <ngon>" }),
    score: 0.7,
  },
  { id: "p2", document: { title: "Mật ong", stars: 4 }, score: null },
]

describe("hit assembly", () => {
  it("keeps the attributes asked for (all when none), and always an id", () => {
    const hits = assembleHits(rows, plan, parseTextQuery(""), new Map(), { attributes: ["title", "missing"] })
    expect(hits.map((h) => h.document)).toEqual([
      { title: "Nước mắm Phú Quốc", id: "p1" },
      { title: "Mật ong", id: "p2" },
    ])
    expect(assembleHits(rows, plan, parseTextQuery(""), new Map(), {})[0].document).toMatchObject({
      stars: 5,
      description: "mắm <ngon>",
    })
  })
  it("adds the score only when asked (0 for a NULL score)", () => {
    expect(assembleHits(rows, plan, parseTextQuery(""), new Map(), {})[0]).not.toHaveProperty("score")
    expect(assembleHits(rows, plan, parseTextQuery(""), new Map(), { includeScore: true }).map((h) => h.score)).toEqual(
      [0.7, 0]
    )
  })
  it("highlights folded matches and typo corrections in their accented form, HTML-escaped, with custom tags", () => {
    const [hit] = assembleHits(rows, plan, parseTextQuery("nuoc mamm"), new Map([["mamm", ["mam"]]]), {
      highlight: { fields: ["title", "description"], pre_tag: "[", post_tag: "]" },
    })
    expect(hit.highlights).toEqual({ title: ["[Nước] [mắm] Phú Quốc"], description: ["[mắm] &lt;ngon&gt;"] })
  })
  it("highlight true covers every searchable field; nothing is highlighted without a query", () => {
    const [hit] = assembleHits(rows, plan, parseTextQuery("phu"), new Map(), { highlight: true })
    expect(hit.highlights?.title).toEqual(["Nước mắm <mark>Phú</mark> Quốc"])
    expect(Object.keys(hit.highlights!)).toEqual(["title", "description"])
    expect(assembleHits(rows, plan, parseTextQuery(""), new Map(), { highlight: true })[0].highlights).toBeUndefined()
  })
  it("type-ahead (match_strategy last) highlights words starting with the last word", () => {
    const [hit] = assembleHits(rows, plan, parseTextQuery("nuoc ma", "last"), new Map(), {
      highlight: { fields: ["title"] },
    })
    expect(hit.highlights?.title).toEqual(["<mark>Nước</mark> <mark>mắm</mark> Phú Quốc"])
  })
})
