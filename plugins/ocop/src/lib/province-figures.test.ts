import { describe, expect, it } from "vitest"
import { provinceFigures } from "./province-figures"

const now = new Date("2026-11-29T12:00:00Z")
const days = (n: number) => new Date(now.getTime() + n * 24 * 3600 * 1000)

describe("provinceFigures", () => {
  it("counts pending, expiring within 30 days and expired apart from the valid ones", () => {
    const f = provinceFigures(
      [
        { status: "submitted", stars: 4, group_slug: "thuc-pham", created_at: days(-2) },
        {
          status: "approved",
          stars: 4,
          group_slug: "thuc-pham",
          is_current: true,
          expires_at: days(26),
          valid_from: days(-100),
        },
        {
          status: "approved",
          stars: 5,
          group_slug: "do-uong",
          is_current: true,
          expires_at: days(400),
          valid_from: days(-3),
        },
        { status: "approved", stars: 3, group_slug: "do-uong", is_current: true, expires_at: days(-1) },
        { status: "expired", stars: 3, group_slug: "do-uong" },
        { status: "revoked", stars: 3, group_slug: "do-uong" },
      ],
      now
    )
    expect(f.pending).toBe(1)
    expect(f.approved).toBe(2)
    expect(f.expiring_30_days).toBe(1)
    expect(f.expired).toBe(2)
    expect(f.by_stars).toEqual({ "3": 0, "4": 1, "5": 1 })
    expect(f.by_group).toEqual({ "thuc-pham": 1, "do-uong": 1 })
    expect(f.by_status.approved).toBe(3)
    expect(f.by_month).toHaveLength(12)
    expect(f.by_month.at(-1)).toEqual({ month: "2026-11", submitted: 1, approved: 1 })
  })
})
