import { describe, expect, it } from "vitest"
import { unitsLeft } from "./confirm-stock"

describe("unitsLeft (the channel's stock of an add)", () => {
  it("divides what a variant's item has left by its required quantity, the least of its items", () => {
    const left = unitsLeft([
      { variant_id: "v1", required_quantity: 1, in_channel: true, free: "7" },
      { variant_id: "v2", required_quantity: 2, in_channel: true, free: 7 },
      { variant_id: "v3", required_quantity: 1, in_channel: true, free: "5" },
      { variant_id: "v3", required_quantity: 3, in_channel: true, free: "9" },
    ])
    expect(left.get("v1")).toEqual({ units: 7, items: 1, inChannel: true })
    expect(left.get("v2")?.units).toBe(3)
    expect(left.get("v3")).toEqual({ units: 3, items: 2, inChannel: true })
  })

  it("never gives fewer than none (more reserved than stocked), and says when the channel has no level", () => {
    const left = unitsLeft([
      { variant_id: "v1", required_quantity: 1, in_channel: true, free: "-2" },
      { variant_id: "v2", required_quantity: 1, in_channel: false, free: 0 },
    ])
    expect(left.get("v1")?.units).toBe(0)
    expect(left.get("v2")).toEqual({ units: 0, items: 1, inChannel: false })
    expect(left.get("v3")).toBeUndefined()
  })
})
