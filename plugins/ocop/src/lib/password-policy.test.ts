import { describe, expect, it } from "vitest"
import { passwordProblem, PASSWORD_PROBLEM_TEXT } from "./password-policy"

describe("password policy", () => {
  it("accepts long passwords that mix kinds of characters, Vietnamese letters included", () => {
    for (const ok of [
      "OcopAdmin#2026",
      "MatKhau#2026",
      "chè shan tuyết 2026",
      "Đồi chè Cầu Đất",
      "correct horse battery staple!",
    ]) {
      expect(passwordProblem(ok, "someone@ocop.vn"), ok).toBeNull()
    }
  })

  it("names the first problem of a weak password", () => {
    expect(passwordProblem("1")).toBe("too_short")
    expect(passwordProblem("Abc#12345")).toBe("too_short") // 9 characters
    expect(passwordProblem("x".repeat(60) + "Y".repeat(69))).toBe("too_long")
    expect(passwordProblem("12345678901234")).toBe("one_kind")
    expect(passwordProblem("chèshantuyết")).toBe("one_kind") // lowercase letters only, accents or not
    expect(passwordProblem("QWERTYUIOP")).toBe("common")
    expect(passwordProblem("Password123")).toBe("common")
    expect(passwordProblem("MatKhau123")).toBe("common")
    expect(passwordProblem("Hoa.Nguyen@ocop.vn", "hoa.nguyen@ocop.vn")).toBe("same_as_email")
    expect(passwordProblem("hoa.nguyen2026", "Hoa.Nguyen2026@ocop.vn")).toBe("same_as_email")
  })

  it("counts characters, not UTF-16 units: ten Vietnamese letters with a digit are enough", () => {
    expect(passwordProblem("Đường1ễàộ")).toBe("too_short")
    expect(passwordProblem("Đường1ễàộữ")).toBeNull()
  })

  it("has every message in Vietnamese and English", () => {
    for (const text of Object.values(PASSWORD_PROBLEM_TEXT)) {
      expect(text.vi.trim()).not.toBe("")
      expect(text.en.trim()).not.toBe("")
      expect(text.vi).not.toBe(text.en)
    }
  })
})
