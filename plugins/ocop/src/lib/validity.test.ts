import { describe, expect, it } from "vitest"
import { defaultExpiry, isWindowWithinRules, validityOnDecision, validityWindowErrors } from "./validity"

const now = new Date("2026-11-29T08:00:00Z")

describe("certificate validity rules (36 months from the recognition decision)", () => {
  it("runs 36 months from the moment of the decision when the decision says nothing", () => {
    const w = validityOnDecision({}, {}, now)
    expect(w.valid_from).toEqual(now)
    expect(w.expires_at).toEqual(defaultExpiry(now))
  })
  it("counts 36 months from the decision date when the decision starts validity later", () => {
    const w = validityOnDecision({ decision_date: "2025-06-19", valid_from: "2025-07-01" }, {}, now)
    expect(w.expires_at.toISOString().slice(0, 10)).toBe("2028-06-19")
  })
  it("takes the decision's own date and end when it gives them", () => {
    const w = validityOnDecision(
      { decision_date: "2026-06-19", expires_at: "2027-06-19" },
      { valid_from: "2020-01-01" },
      now
    )
    expect(w.valid_from.toISOString().slice(0, 10)).toBe("2026-06-19")
    expect(w.expires_at.toISOString().slice(0, 10)).toBe("2027-06-19")
  })
  it("keeps an operator-recorded window, never a producer's claimed decision date", () => {
    const w = validityOnDecision({}, { valid_from: "2025-06-19", expires_at: "2028-06-19" }, now)
    expect(w.expires_at.toISOString().slice(0, 10)).toBe("2028-06-19")
  })
  it("cuts a recorded window longer than 36 months back to 36 months", () => {
    const w = validityOnDecision({}, { valid_from: "2020-01-01", expires_at: "2125-01-01" }, now)
    expect(w.expires_at.toISOString().slice(0, 10)).toBe("2023-01-01")
  })
  it("refuses windows longer than 36 months, inverted windows and decisions dated in the future", () => {
    expect(validityWindowErrors({ valid_from: "2025-01-01", expires_at: "2125-01-01" }, now).expires_at).toMatch(
      /at most 36 months/
    )
    expect(validityWindowErrors({ valid_from: "2025-06-01", expires_at: "2025-01-01" }, now).expires_at).toMatch(
      /after valid_from/
    )
    expect(validityWindowErrors({ decision_date: "2027-01-01" }, now).decision_date).toMatch(/future/)
    expect(validityWindowErrors({ decision_date: "2025-06-19", expires_at: "2125-06-19" }, now).expires_at).toMatch(
      /until 2028-06-19/
    )
    // A start set after the decision does not stretch validity past 36 months from the decision.
    expect(
      validityWindowErrors({ decision_date: "2020-01-01", valid_from: "2025-01-01", expires_at: "2028-01-01" }, now)
        .expires_at
    ).toMatch(/until 2023-01-01/)
    expect(
      validityWindowErrors({ decision_date: "2025-06-19", valid_from: "2021-01-01", expires_at: "2024-01-01" }, now)
    ).toEqual({})
    expect(
      validityWindowErrors({ valid_from: "2025-06-19", expires_at: "2028-06-19", decision_date: "2025-06-19" }, now)
    ).toEqual({})
    // Today in Vietnam may be tomorrow for a UTC clock.
    expect(validityWindowErrors({ decision_date: "2026-11-30" }, now)).toEqual({})
  })
  it("vouches only for stored windows within the rules", () => {
    expect(isWindowWithinRules({ valid_from: "2025-06-19", expires_at: "2028-06-19" })).toBe(true)
    expect(isWindowWithinRules({ valid_from: "2025-06-19", expires_at: "2125-06-19" })).toBe(false)
    expect(isWindowWithinRules({ valid_from: null, expires_at: "2028-06-19" })).toBe(false)
  })
})
