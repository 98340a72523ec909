import { describe, expect, it } from "vitest"
import {
  accentKey,
  wordOfAccentKey,
  foldText,
  foldedTerms,
  hasDiacritics,
  highlight,
  isVietnameseSyllable,
  normalizeQuery,
  queryAccentTerms,
} from "./text"

describe("query normalisation", () => {
  it("NFC, trims, collapses spaces, strips control characters", () => {
    expect(normalizeQuery("  Nu\u031Bo\u031B\u0301c   ma\u0306\u0301m\u0007 ")).toBe("Nước mắm")
    expect(normalizeQuery(undefined)).toBe("")
    expect(normalizeQuery("a".repeat(500))).toHaveLength(200)
  })
  it("folds đ/Đ explicitly and every tone placement", () => {
    expect(foldText("Đặc sản ĐỒNG THÁP")).toBe("dac san dong thap")
    expect(foldText("Hòa")).toBe(foldText("Hoà"))
    expect(foldText("Thủy")).toBe(foldText("Thuỷ"))
    expect(foldedTerms("Bà Rịa – Vũng Tàu")).toEqual(["ba", "ria", "vung", "tau"])
  })
  it("accent keys ignore tone placement but keep tone and shape", () => {
    expect(accentKey("Hòa")).toBe(accentKey("Hoà"))
    expect(accentKey("Thủy")).toBe(accentKey("Thuỷ"))
    expect(accentKey("lọc")).not.toBe(accentKey("lóc"))
    expect(accentKey("nấm")).not.toBe(accentKey("Nam"))
    expect(accentKey("đá")).toBe("đa1")
  })
  it("gives back a word for an accent key, tone on its last vowel", () => {
    for (const word of ["cà", "nước", "quà", "hoà", "lọc", "sâm", "đặc", "Thuỷ", "yến", "đa"])
      expect(accentKey(wordOfAccentKey(accentKey(word))!), word).toBe(accentKey(word))
    expect(wordOfAccentKey(accentKey("nước"))).toBe("nước")
    expect(wordOfAccentKey("ca2")).toBe("cà")
    // without a diacritic the key boosts nothing; a tone digit needs a vowel
    expect(wordOfAccentKey("nam")).toBeUndefined()
    expect(wordOfAccentKey("str1")).toBeUndefined()
  })
  it("only accented query words are boosted", () => {
    expect(hasDiacritics("nuoc")).toBe(false)
    expect(hasDiacritics("đa")).toBe(true)
    expect(queryAccentTerms("nuoc mắm")).toEqual([accentKey("mắm")])
  })
  it("highlights folded matches, keeps accents, escapes HTML", () => {
    expect(highlight("Nước mắm <Phú Quốc>", ["nuoc", "quoc"])).toBe(
      "<mark>Nước</mark> mắm &lt;Phú <mark>Quốc</mark>&gt;"
    )
    expect(highlight("Cà phê", [], { prefixes: ["ph"] })).toBe("Cà <mark>phê</mark>")
  })
})

describe("well-formed Vietnamese syllables", () => {
  it("knows real syllables, folded", () => {
    for (const w of ["banh", "trang", "nuoc", "mam", "nghieng", "khuyen", "quyen", "uong", "gi", "chuoi", "ong"])
      expect(isVietnameseSyllable(w), w).toBe(true)
  })
  it("refuses what can only be a typo or a foreign word", () => {
    for (const w of ["mamm", "phee", "ongg", "tuyeet", "coffee", "shan", "st25", "dak"])
      expect(isVietnameseSyllable(w), w).toBe(false)
  })
})
