import { describe, expect, it } from "vitest"
import { z } from "@medusajs/framework/zod"
import { findIllFormedText, illFormedTextProblem, refuseIllFormedText } from "./well-formed-text"

describe("well-formed text", () => {
  it("accepts Vietnamese text, emoji (surrogate pairs) and empty strings", () => {
    for (const s of ["Nước mắm Phú Quốc", "Chè Thái Nguyên 🍵", "", "đ Đ ơ ư", "\uD83D\uDE00"])
      expect(illFormedTextProblem(s)).toBeNull()
  })
  it("refuses NUL characters and lone surrogates anywhere in a string", () => {
    expect(illFormedTextProblem("a\u0000b")).toMatch(/NUL/)
    for (const s of ["\uD800", "x\uD800y", "\uDC00", "a\uDFFFb", "\uDE00\uD83D"])
      expect(illFormedTextProblem(s)).toMatch(/lone surrogate/)
  })
  it("finds every bad string of a nested body with its path, keys included", () => {
    const issues = findIllFormedText({
      name: "ok",
      evidence: [{ name: "bad\u0000" }],
      ["k\uD800"]: 1,
      deep: { a: ["\uDC00"] },
    })
    expect(issues.map((i) => i.path.join("."))).toEqual(["evidence.0.name", "k\uD800", "deep.a.0"])
  })
  it("walks a huge sparse array by its present keys only", () => {
    const sparse: string[] = []
    sparse[999_999_999] = "x\u0000"
    expect(findIllFormedText({ ids: sparse }).map((i) => i.path.join("."))).toEqual(["ids.999999999"])
  })
  it("works as a zod refinement that names the field", () => {
    const schema = z.object({ title: z.string(), tags: z.array(z.string()) }).superRefine(refuseIllFormedText)
    const r = schema.safeParse({ title: "Mật ong", tags: ["ok", "\uD800"] })
    expect(r.success).toBe(false)
    if (!r.success) expect(r.error.issues.map((i) => i.path.join("."))).toEqual(["tags.1"])
    expect(schema.safeParse({ title: "Mật ong", tags: [] }).success).toBe(true)
  })
})
