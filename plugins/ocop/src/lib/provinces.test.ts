import { describe, expect, it } from "vitest"
import { findProvince, formerProvinceProblem, listProvinces } from "./provinces"
import { foldVietnamese, matchKey, toHandle } from "./vietnamese"
import { defaultExpiry } from "./validity"

describe("provinces", () => {
  it("has the 34 units in force since 2025-07-01, covering all 63 former provinces once", () => {
    expect(listProvinces()).toHaveLength(34)
    expect(listProvinces().flatMap((p) => p.former_provinces)).toHaveLength(63)
  })
  it("resolves a former province to the unit it merged into, in any accent style", () => {
    for (const name of ["Bình Thuận", "binh thuan", "binh-thuan"]) {
      const m = findProvince(name)!
      expect(m.province.name_vi).toBe("Lâm Đồng")
      expect(m.via_former?.name_vi).toBe("Bình Thuận")
    }
    expect(findProvince("Kiên Giang")!.province.slug).toBe("an-giang")
    expect(findProvince("Thừa Thiên Huế")!.province.name_vi).toBe("Huế")
  })
  it("finds current units by slug, code, name and alias", () => {
    expect(findProvince("lam-dong")!.via_former).toBeUndefined()
    expect(findProvince("01")!.province.name_vi).toBe("Hà Nội")
    expect(findProvince("Khánh Hoà")!.province.name_vi).toBe("Khánh Hòa")
    expect(findProvince("Atlantis")).toBeUndefined()
  })
})

describe("Vietnamese text", () => {
  it("folds đ explicitly, which NFD does not decompose", () => {
    expect("đ".normalize("NFD")).toBe("đ")
    expect(foldVietnamese("Đặc sản Đồng Tháp")).toBe("Dac san Dong Thap")
  })
  it("gives both tone placements the same key", () => {
    expect(matchKey("Hòa Bình")).toBe(matchKey("Hoà Bình"))
    expect(matchKey("Thủy")).toBe(matchKey("Thuỷ"))
    expect(toHandle("Nước mắm Phú Quốc 40°N")).toBe("nuoc-mam-phu-quoc-40-n")
  })
})

describe("certificate validity", () => {
  it("defaults to 36 months", () => {
    expect(defaultExpiry(new Date("2025-06-19T00:00:00Z")).toISOString()).toBe("2028-06-19T00:00:00.000Z")
    expect(defaultExpiry(new Date("2024-02-29T00:00:00Z")).toISOString()).toBe("2027-02-28T00:00:00.000Z")
  })
})

describe("a producer's former province", () => {
  it("must be one of the provinces that merged into its current unit", () => {
    expect(formerProvinceProblem("68", "60")).toBeNull() // Bình Thuận → Lâm Đồng
    expect(formerProvinceProblem("68", "68")).toBeNull() // the old Lâm Đồng itself
    expect(formerProvinceProblem("68", null)).toBeNull()
    expect(formerProvinceProblem("48", "60")).toMatch(/^former_province_code: Bình Thuận is part of Lâm Đồng/)
    expect(formerProvinceProblem("68", "99")).toMatch(/^former_province_code: unknown former province "99"/)
  })
})
