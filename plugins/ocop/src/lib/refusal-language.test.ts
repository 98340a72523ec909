import { describe, expect, it } from "vitest"
import { bilingual, conflictText } from "./conflicts"
import { refusalTexts, splitBilingual, withRefusalTexts } from "./refusal-language"

describe("refusal language", () => {
  it("splits our bilingual messages into their Vietnamese and English halves", () => {
    expect(splitBilingual(bilingual("Hết hàng.", "Sold out."))).toEqual({ vi: "Hết hàng.", en: "Sold out." })
    // the database trigger's form: "… . (EN: … .)"
    expect(splitBilingual('"Trà" không thể có mặt. (EN: "Tea" cannot be listed.)')).toEqual({
      vi: '"Trà" không thể có mặt.',
      en: '"Tea" cannot be listed.',
    })
    expect(splitBilingual("Cart with id: x was not found")).toBeNull()
  })

  it("gives a 409 decision conflict its code and both texts, keeping Medusa's message", () => {
    const message = conflictText.certificationDecided("submitted", "reinstate", ["suspended"])
    const body = withRefusalTexts(409, { type: "conflict", code: "invalid_state_error", message }) as Record<
      string,
      string
    >
    expect(body.code).toBe("invalid_state_error")
    expect(body.message).toBe(message)
    expect(body.message_vi).toMatch(/^Chứng nhận này đang chờ quyết định, không thể khôi phục/)
    expect(body.message_vi).not.toContain("EN:")
    expect(body.message_en).toMatch(/^This certification is now "submitted"/)
  })

  it("derives a code from the type or status, and a Vietnamese sentence for English-only refusals", () => {
    expect(refusalTexts(404, { type: "not_found", message: "Cart with id: x was not found" })).toEqual({
      code: "not_found",
      message_vi: "Không tìm thấy nội dung được yêu cầu.",
      message_en: "Cart with id: x was not found",
    })
    expect(refusalTexts(429, { message: "Too many" }).code).toBe("too_many_requests")
    expect(refusalTexts(400, { message: "x", message_vi: "Tiếng Việt", message_en: "English" })).toMatchObject({
      message_vi: "Tiếng Việt",
      message_en: "English",
    })
  })

  it("leaves successful answers and bodies without a message alone", () => {
    const ok = { cart: { id: "c" } }
    expect(withRefusalTexts(200, ok)).toBe(ok)
    expect(withRefusalTexts(400, ["x"])).toEqual(["x"])
    expect(withRefusalTexts(400, { errors: {} })).toEqual({ errors: {} })
  })
})
