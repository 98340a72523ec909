import { describe, expect, it } from "vitest"
import { channelPageFilters, channelPageOrder } from "./channel-product-page"

describe("which store product lists the SQL page answers", () => {
  it("takes the filters the storefront uses and leaves the request context aside", () => {
    expect(
      channelPageFilters({
        sales_channel_id: ["sc_1"],
        region_id: "reg_1",
        status: "published",
        handle: "mat-ong",
        id: ["prod_1", "prod_2"],
        is_giftcard: false,
      })
    ).toEqual({ handle: ["mat-ong"], id: ["prod_1", "prod_2"], is_giftcard: false })
    expect(channelPageFilters({ sales_channel_id: ["sc_1"], status: "published" })).toEqual({})
  })

  it("leaves to Medusa every filter it does not cover, so nothing is silently dropped", () => {
    for (const fields of [
      { q: "mật ong" },
      { tags: { id: ["ptag_1"] } },
      { categories: { id: ["pcat_1"] } },
      { created_at: { $gte: "2000-01-01" } },
      { $or: [{ handle: "a" }, { handle: "b" }] },
      { handle: { $ilike: "%mat%" } },
      { status: "draft" },
      { variants: { options: { value: "1 kg" } } },
    ])
      expect(channelPageFilters({ sales_channel_id: ["sc_1"], ...fields }), JSON.stringify(fields)).toBeNull()
  })

  it("orders by one product column, Medusa's default (id) when none is asked for", () => {
    expect(channelPageOrder(undefined)).toEqual({ column: "id", direction: "ASC" })
    expect(channelPageOrder({ created_at: "DESC" })).toEqual({ column: "created_at", direction: "DESC" })
    expect(channelPageOrder({ title: "asc" })).toEqual({ column: "title", direction: "ASC" })
    expect(channelPageOrder({ variants: { title: "ASC" } })).toBeNull()
    expect(channelPageOrder({ title: "ASC", handle: "DESC" })).toBeNull()
    expect(channelPageOrder({ "title; drop table product": "ASC" })).toBeNull()
  })
})
