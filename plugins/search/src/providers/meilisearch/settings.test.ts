import { describe, expect, it } from "vitest"
import { OCOP_PRODUCT_SETTINGS, ocopProductFields } from "../../lib/fields"
import { buildMeiliSettings, dateFieldsOf, toMeiliDocument, toMeiliFilter, toMeiliSort } from "./settings"
import { OcopMeilisearchService } from "./service"

const fields = ocopProductFields.toFields()

describe("Meilisearch settings and mapping", () => {
  it("settings follow the index definition", () => {
    const s = buildMeiliSettings({ fields, settings: OCOP_PRODUCT_SETTINGS })
    expect(s.searchableAttributes[0]).toBe("title")
    expect(s.searchableAttributes.slice(-1)).toEqual(["text_folded"])
    expect(s.filterableAttributes).toEqual(
      expect.arrayContaining([
        "province_slug",
        "group_slug",
        "subgroup_slug",
        "stars",
        "min_price",
        "producer_type",
        "in_stock",
      ])
    )
    expect(s.sortableAttributes.sort()).toEqual(["created_at", "min_price", "stars"])
    expect(s.displayedAttributes).not.toContain("text_folded")
    expect(s.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
      disableOnAttributes: ["handle"],
    })
    expect(s.rankingRules.indexOf("exactness")).toBeLessThan(s.rankingRules.indexOf("attribute"))
  })
  it("filters compile to Meilisearch syntax", () => {
    expect(
      toMeiliFilter({ province_slug: "an-giang", stars: { $in: [4, 5] }, min_price: { $gte: 1000, $lte: 5000 } })
    ).toBe('province_slug = "an-giang" AND stars IN [4, 5] AND min_price >= 1000 AND min_price <= 5000')
    expect(toMeiliFilter({ $or: [{ stars: 5 }, { in_stock: true }] })).toBe("((stars = 5) OR (in_stock = true))")
    expect(() => toMeiliFilter({ title: { $like: "x" } })).toThrow(/\$like/)
  })
  it("dates become epoch milliseconds; sort drops _score", () => {
    const dates = dateFieldsOf(fields)
    expect(toMeiliDocument({ id: "a", created_at: "2025-01-01T00:00:00Z" }, dates).created_at).toBe(
      Date.UTC(2025, 0, 1)
    )
    expect(toMeiliSort({ _score: "DESC", stars: "DESC" })).toEqual(["stars:desc"])
  })
  it("builds one multi-search query per provider query", () => {
    const svc = new OcopMeilisearchService({}, { host: "http://unused" })
    const q = svc.toMeiliQuery({
      index: { physical_name: "ocop_product_1", fields } as any,
      attributes_to_retrieve: ["id", "title"],
      q: "nước mắm",
      filters: { stars: 5 },
      pagination: { skip: 20, take: 10, order: { min_price: "ASC" } },
      search_options: { facets: [{ field: "stars", type: "value" }], highlight: { fields: ["title"] } },
    })
    expect(q).toMatchObject({
      indexUid: "ocop_product_1",
      q: "nước mắm",
      filter: "stars = 5",
      offset: 20,
      limit: 10,
      sort: ["min_price:asc"],
      facets: ["stars"],
      attributesToHighlight: ["title"],
    })
  })
})

describe.skipIf(!process.env.MEILISEARCH_HOST)("Meilisearch live (MEILISEARCH_HOST)", () => {
  it("creates the index with our settings", async () => {
    const svc = new OcopMeilisearchService({}, {})
    const task = await svc.upsertIndex({
      index: {
        physical_name: "ocop_product_livetest",
        primary_key: "id",
        fields,
        settings: OCOP_PRODUCT_SETTINGS,
      } as any,
    })
    expect(task.status).toBe("succeeded")
    await svc.deleteIndex({ index: "ocop_product_livetest" })
  })
})
if (!process.env.MEILISEARCH_HOST) {
  console.info(
    "[ocop-search] Meilisearch live tests skipped: MEILISEARCH_HOST is not set (no Meilisearch server can be installed on this machine)."
  )
}
