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
