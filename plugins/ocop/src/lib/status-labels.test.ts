import { describe, expect, it } from "vitest"
import { CERTIFICATION_STATUSES } from "../modules/ocop/models/certification"
import { CERTIFICATION_STATUS_LABELS, certificationStatusLabel, vietnameseDate } from "./status-labels"

describe("status labels", () => {
  it("names every certification status in both languages", () => {
    for (const s of CERTIFICATION_STATUSES) {
      expect(CERTIFICATION_STATUS_LABELS.vi[s]).toBeTruthy()
      expect(CERTIFICATION_STATUS_LABELS.en[s]).toBeTruthy()
    }
    expect(certificationStatusLabel("submitted")).toBe("Đang chờ xét duyệt")
  })

  it("writes dates dd/mm/yyyy on Vietnam's calendar", () => {
    expect(vietnameseDate("2026-03-01T18:30:00Z")).toBe("02/03/2026")
    expect(vietnameseDate(null)).toBe("")
  })
})
