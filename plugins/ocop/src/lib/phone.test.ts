import { describe, expect, it } from "vitest"
import { PHONE_CASES } from "./phone-cases"
import { normalizeVietnameseMobile, VN_MOBILE } from "./phone"

describe("Vietnamese mobile numbers", () => {
  it.each(PHONE_CASES)("%j is stored as %j", (typed, stored) => {
    expect(normalizeVietnameseMobile(typed)).toBe(stored)
  })

  it("stores only numbers the strict pattern accepts", () => {
    for (const [typed] of PHONE_CASES) {
      const stored = normalizeVietnameseMobile(typed)
      if (stored) expect(stored).toMatch(VN_MOBILE)
    }
  })
})
