import { describe, expect, it } from "vitest"
import { inStock, minPrice, toSearchDocument, type ProductSource } from "./document"
import { isListedRow, toProductSource } from "./source"
import { resolveEventProductIds } from "./events"

const base: ProductSource = {
  id: "prod_1",
  handle: "nuoc-mam",
  title: "Nước mắm Phan Thiết",
  description: "Mô tả",
  status: "published",
  metadata: { title_en: "Phan Thiet fish sauce" },
  created_at: "2025-03-01T00:00:00Z",
  variants: [
    {
      manage_inventory: true,
      prices: [
        { amount: 150000, currency_code: "vnd" },
        { amount: 6, currency_code: "usd" },
      ],
      inventory_items: [{ inventory: { location_levels: [{ stocked_quantity: 2, reserved_quantity: 2 }] } }],
    },
    {
      manage_inventory: true,
      prices: [{ amount: "120000", currency_code: "vnd" }],
      inventory_items: [{ inventory: { location_levels: [{ stocked_quantity: 5, reserved_quantity: 1 }] } }],
    },
  ],
  producer: { handle: "htx-a", name: "HTX A", entity_type: "cooperative", province_code: "68" },
  certification: { stars: 4, group_slug: "thuc-pham", subgroup_slug: "gia-vi", province_code: "60" },
  listed: true,
}

describe("document mapping", () => {
  it("maps a listed product, former province → current unit", () => {
    const d = toSearchDocument(base)!
    expect(d).toMatchObject({
      id: "prod_1",
      title: "Nước mắm Phan Thiết",
      title_en: "Phan Thiet fish sauce",
      stars: 4,
      min_price: 120000,
      in_stock: true,
      province_slug: "lam-dong",
      province_name: "Lâm Đồng",
      origin_former_slug: "binh-thuan",
      origin_former_name: "Bình Thuận",
      group_slug: "thuc-pham",
      group_name: "Thực phẩm",
      subgroup_slug: "gia-vi",
      producer_type: "cooperative",
    })
    expect(d.former_province_names).toEqual(expect.arrayContaining(["Bình Thuận", "Đắk Nông"]))
    expect(d.text_folded).toContain("nuoc mam phan thiet")
  })
  it("never maps unlisted, unpublished, or uncertified products", () => {
    expect(toSearchDocument({ ...base, listed: false })).toBeNull()
    expect(toSearchDocument({ ...base, status: "draft" })).toBeNull()
    expect(toSearchDocument({ ...base, certification: { ...base.certification, stars: 2 } })).toBeNull()
    expect(toSearchDocument({ ...base, certification: null })).toBeNull()
  })
  it("price and stock helpers", () => {
    expect(minPrice([])).toBeNull()
    expect(inStock([{ manage_inventory: true, inventory_items: [] }])).toBe(false)
    expect(inStock([{ manage_inventory: false }])).toBe(true)
    expect(inStock([{ manage_inventory: true, allow_backorder: true }])).toBe(true)
  })
  it("listed needs the gate verdict AND the marketplace channel", () => {
    const row = {
      id: "p",
      product_listing: { listed: true },
      sales_channels: [{ metadata: { ocop_role: "marketplace" } }],
    }
    expect(isListedRow(row)).toBe(true)
    expect(isListedRow({ ...row, sales_channels: [] })).toBe(false)
    expect(isListedRow({ ...row, product_listing: { listed: false } })).toBe(false)
    const src = toProductSource({
      ...row,
      certifications: [
        { id: "c1", is_current: true, status: "approved", stars: 5 },
        { id: "c0", status: "expired", stars: 3 },
      ],
    })
    expect(src.certification).toMatchObject({ id: "c1" })
  })
  it("events → product ids", () => {
    expect(
      resolveEventProductIds({
        name: "ocop.listing.changed",
        data: { product_ids: ["a"], listed: ["a"], delisted: ["b"] },
      }).sort()
    ).toEqual(["a", "b"])
    expect(resolveEventProductIds({ name: "product.updated", data: [{ id: "x" }, { id: "y" }] })).toEqual(["x", "y"])
    expect(resolveEventProductIds({ name: "product-variant.updated", data: { id: "v", product_id: "p" } })).toEqual([
      "p",
    ])
  })
})
