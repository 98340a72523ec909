import { describe, expect, it } from "vitest"
import { bestLevelLeft, type ChannelStockRow, shortOfStock, unitsLeft } from "./channel-stock"

const level = (
  variant_id: string,
  inventory_item_id: string,
  required_quantity: number | string,
  location_id: string | null,
  stocked: number | string | null,
  reserved: number | string | null = 0
): ChannelStockRow => ({
  variant_id,
  inventory_item_id,
  required_quantity,
  location_id,
  stocked_quantity: stocked,
  reserved_quantity: reserved,
})

describe("unitsLeft (the channel's stock of an add: every location together)", () => {
  it("divides what a variant's item has left by its required quantity, the least of its items", () => {
    const left = unitsLeft([
      level("v1", "i1", 1, "loc1", "9", "2"),
      level("v2", "i2", 2, "loc1", 7),
      level("v3", "i3", 1, "loc1", "5"),
      level("v3", "i4", 3, "loc1", "9"),
    ])
    expect(left.get("v1")).toEqual({ units: 7, items: 1, inChannel: true })
    expect(left.get("v2")?.units).toBe(3)
    expect(left.get("v3")).toEqual({ units: 3, items: 2, inChannel: true })
  })

  it("adds up an item's levels at several locations of the channel", () => {
    const left = unitsLeft([level("v1", "i1", 1, "loc1", 3, 1), level("v1", "i1", 1, "loc2", 4, 0)])
    expect(left.get("v1")).toEqual({ units: 6, items: 1, inChannel: true })
  })

  it("never gives fewer than none (more reserved than stocked), and says when the channel has no level", () => {
    const left = unitsLeft([
      level("v1", "i1", 1, "loc1", 0, 2),
      level("v2", "i2", 1, null, null, null),
      level("v4", "i4", 1, null, null, null),
      level("v4", "i5", 1, "loc1", 5),
    ])
    expect(left.get("v1")?.units).toBe(0)
    expect(left.get("v2")).toEqual({ units: 0, items: 1, inChannel: false })
    // one of two items has a level: the variant is in the channel, and gives none (its other item has none)
    expect(left.get("v4")).toEqual({ units: 0, items: 2, inChannel: true })
    expect(left.get("v3")).toBeUndefined()
  })
})

describe("bestLevelLeft (what one reservation can take: the best single level of the channel)", () => {
  it("takes the best location, not the sum, and none for an item without a level", () => {
    const best = bestLevelLeft([
      level("v1", "i1", 1, "loc1", 3, 1),
      level("v1", "i1", 1, "loc2", 4, 0),
      level("v2", "i2", 1, null, null, null),
      level("v3", "i3", 1, "loc1", 1, 3),
    ])
    expect(best.get("i1")).toBe(4)
    expect(best.get("i2")).toBe(0)
    expect(best.get("i3")).toBe(0)
  })
})

describe("shortOfStock (the completions' sold out: per item, against its best single level)", () => {
  const stock = [
    level("v1", "i1", 1, "loc1", 3),
    level("v1", "i1", 1, "loc2", 4),
    level("v2", "i1", 2, "loc1", 3),
    level("v2", "i1", 2, "loc2", 4),
    level("v3", "i3", 1, null, null),
  ]
  it("lets through what one location can give, not what all of them hold together", () => {
    expect(shortOfStock([{ variant_id: "v1", quantity: 4 }], stock)).toBe(false)
    expect(shortOfStock([{ variant_id: "v1", quantity: "5" }], stock)).toBe(true)
  })
  it("adds up the lines of variants sharing an item, each times its required quantity", () => {
    const v1AndOneV2 = (v1: number) => [
      { variant_id: "v1", quantity: v1 },
      { variant_id: "v2", quantity: 1 },
    ]
    expect(shortOfStock(v1AndOneV2(2), stock)).toBe(false)
    expect(shortOfStock(v1AndOneV2(3), stock)).toBe(true)
  })
  it("is short for an item without a level in the channel, and never for a line without counted stock", () => {
    expect(shortOfStock([{ variant_id: "v3", quantity: 1 }], stock)).toBe(true)
    expect(shortOfStock([{ variant_id: "v9", quantity: 99 }], stock)).toBe(false)
  })
})
