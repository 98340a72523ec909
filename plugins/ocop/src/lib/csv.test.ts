import { describe, expect, it } from "vitest"
import { toCsv } from "./csv"

describe("toCsv", () => {
  it("quotes commas, quotes and newlines and keeps Vietnamese text intact", () => {
    const csv = toCsv(
      ["tên", "ghi chú"],
      [
        ["Nước mắm, Phú Quốc", 'nói "ngon"'],
        ["Chè\nThái", null],
      ]
    )
    expect(csv.startsWith("\uFEFF")).toBe(true)
    expect(csv).toBe('\uFEFFtên,ghi chú\r\n"Nước mắm, Phú Quốc","nói ""ngon"""\r\n"Chè\nThái",\r\n')
  })
})

describe("toCsv against formula injection", () => {
  it("keeps text that a spreadsheet would run as a formula as text, and leaves numbers alone", () => {
    const csv = toCsv(["a", "b", "c", "d", "e", "f"], [['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", -5, "\tx"]])
    const row = csv.split("\r\n")[1]
    expect(row).toBe(`"'=HYPERLINK(""http://x"")",'+1,'-2+3,'@SUM(A1),-5,'\tx`)
  })
})
