import { describe, expect, it } from "vitest"
import { ocopPlan } from "../../__tests__/ocop-plan"
import { idsToDelete, projectDocument, upsertChunkSql } from "./documents"

const plan = ocopPlan()

describe("writing documents", () => {
  it("folds searchable text per weight; accent keys come from weights ≥ 2 only", () => {
    const p = projectDocument(
      { title: "Nước mắm", producer_name: "HTX Hoà Bình", description: "Đặc sản", thumbnail: "x.png" },
      plan
    )
    expect(p.weights.A).toEqual(["nuoc mam"])
    expect(p.weights.B).toEqual(["htx hoa binh"])
    expect(p.weights.C).toEqual(["dac san"])
    expect(p.accent).toBe(" nươc1 măm1 htx hoa2 binh2 ")
  })
  it("one statement per chunk; its params follow the placeholders; words join the lexicon", () => {
    const lexicon = new Set<string>()
    const docs = [
      { id: "p1", title: "Nước mắm", stars: 5, former_province_names: ["Kiên Giang"] },
      { id: "p2", stars: 4, created_at: new Date("2025-01-01T00:00:00Z") },
    ]
    const { sql, params } = upsertChunkSql(plan, docs, lexicon)
    expect(sql.match(/\?/g)).toHaveLength(params.length)
    expect([...lexicon].sort()).toEqual(["giang", "kien", "mam", "nuoc"])
    expect(params).toContain("2025-01-01T00:00:00.000Z")
    expect(params.slice(0, 3)).toEqual(["nuoc mam", "kien giang", "p1"])
  })
  it("a delete by id in any of its forms is recognised; any other filter is not", () => {
    expect(idsToDelete({ id: ["a", "b"] }, plan)).toEqual(["a", "b"])
    expect(idsToDelete({ id: { $in: ["a"] } }, plan)).toEqual(["a"])
    expect(idsToDelete({ id: { $eq: "a" } }, plan)).toEqual(["a"])
    expect(idsToDelete({ id: 7 }, plan)).toEqual(["7"])
    expect(idsToDelete({ id: "a", stars: 5 }, plan)).toBeUndefined()
    expect(idsToDelete({ stars: 5 }, plan)).toBeUndefined()
  })
})
