/**
 * Search contract suite, run against a real Postgres (a temporary database, see ./temp-database)
 * through our ocop-postgres provider and the same service the route uses.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { OcopPostgresSearchService } from "../providers/ocop-postgres/service"
import { toSearchDocument } from "../lib/document"
import { parseSearchParams } from "../lib/params"
import { searchOcopProducts, suggestOcopProducts } from "../lib/ocop-search"
import { FIXTURES } from "./contract-catalogue"
import { product } from "./fixtures"
import { createTempDatabase, ocopProductIndex, providerQuery, type TempDatabase } from "./temp-database"

// contract-memory.pg.test.ts runs this suite again with text searches from the in-process index
const ENGINE = process.env.OCOP_SEARCH_CONTRACT_ENGINE === "memory" ? "memory" : "sql"
let db: TempDatabase
let provider: OcopPostgresSearchService
const resolved = ocopProductIndex("ocop_product_contract")

const searchModule = {
  search: (query: SearchTypes.SearchQuery) => provider.search(providerQuery(resolved, query)),
}

async function run(query: Record<string, unknown>) {
  const parsed = parseSearchParams(query)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return await searchOcopProducts(searchModule, parsed.value)
}
const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id)

beforeAll(async () => {
  db = await createTempDatabase(`ocop_search_contract_${ENGINE}`)
  provider = new OcopPostgresSearchService({ manager: db.manager }, { memory_index: ENGINE === "memory" })
  await provider.upsertIndex({ index: resolved })
  const docs = FIXTURES.map(toSearchDocument).filter((d): d is NonNullable<typeof d> => !!d)
  await provider.upsertDocuments({ index: resolved.physical_name, definition: resolved, documents: docs as any })
  if (ENGINE === "memory") expect(await provider.warmMemoryIndex([resolved.physical_name])).toBe(true)
}, 60_000)

afterAll(async () => {
  await db?.drop()
})

describe(`OCOP search contract — Postgres (ocop-postgres provider, ${ENGINE} text search)`, () => {
  it("1. accented query finds the product", async () => {
    const r = await run({ q: "nước mắm" })
    expect(ids(r)).toEqual(expect.arrayContaining(["prod_nm_pq", "prod_nm_pt", "prod_nm_cb"]))
    expect(r.total).toBe(3)
  })
  it("2. unaccented query finds the same products", async () => {
    const a = await run({ q: "nuoc mam" })
    const b = await run({ q: "nước mắm" })
    expect(new Set(ids(a))).toEqual(new Set(ids(b)))
  })
  it("3. đ typed as d matches (đặc sản → dac san)", async () => {
    expect(ids(await run({ q: "dac san" }))).toContain("prod_dac_san")
  })
  it("4. upper-case Đ folds too (ĐỒNG THÁP)", async () => {
    expect(ids(await run({ q: "ĐỒNG THÁP" }))).toContain("prod_dac_san")
  })
  it("5. tone placement: Hòa finds Hoà", async () => {
    expect(ids(await run({ q: "Hòa Bình cam" }))).toContain("prod_hoa")
  })
  it("6. tone placement: Hoà finds Hòa", async () => {
    expect(ids(await run({ q: "yến Khánh Hoà" }))).toContain("prod_kh")
  })
  it("7. tone placement: Thuỷ finds Thủy", async () => {
    expect(ids(await run({ q: "rượu thuỷ tiên" }))).toContain("prod_thuy")
  })
  it("8. exact-accent match ranks first: lọc before lóc", async () => {
    const r = await run({ q: "lọc" })
    expect(ids(r)[0]).toBe("prod_loc")
    expect(ids(r)).toContain("prod_loc2")
  })
  it("9. exact-accent match ranks first: lóc before lọc", async () => {
    expect(ids(await run({ q: "cá lóc" }))[0]).toBe("prod_loc2")
  })
  it("10. typo tolerance: 'nuoc mamm'", async () => {
    const r = await run({ q: "nuoc mamm" })
    expect(ids(r)).toEqual(expect.arrayContaining(["prod_nm_pq", "prod_nm_pt"]))
  })
  it("11. typo tolerance: 'shan tuyeet'", async () => {
    expect(ids(await run({ q: "tra shan tuyeet" }))).toContain("prod_tra_st")
  })
  it("12. province slug filter", async () => {
    const r = await run({ province: "an-giang" })
    expect(new Set(ids(r))).toEqual(new Set(["prod_nm_pq", "prod_loc2"]))
  })
  it("13. former province name resolves to the current unit, and the hit says both", async () => {
    const r = await run({ province: "Bình Thuận" })
    expect(ids(r)).toEqual(["prod_nm_pt"])
    expect(r.hits[0].province).toEqual({ slug: "lam-dong", name_vi: "Lâm Đồng", former_name_vi: "Bình Thuận" })
  })
  it("14. former name typed without accents (kien giang → An Giang)", async () => {
    const r = await run({ province: "kien giang", q: "nuoc mam" })
    expect(ids(r)).toEqual(["prod_nm_pq"])
    expect(r.hits[0].province.slug).toBe("an-giang")
  })
  it("15. former province name in the free text (Bình Thuận nước mắm)", async () => {
    expect(ids(await run({ q: "nước mắm Bình Thuận" }))).toEqual(["prod_nm_pt"])
  })
  it("16. a product certified under a former province shows its origin", async () => {
    const r = await run({ q: "Phan Thiết" })
    expect(r.hits[0].province).toMatchObject({ slug: "lam-dong", former_name_vi: "Bình Thuận" })
  })
  it("17. star filter (one value)", async () => {
    const r = await run({ stars: "5" })
    expect(r.hits.every((h) => h.stars === 5)).toBe(true)
    expect(r.total).toBe(5)
  })
  it("18. star filter (repeatable 4 and 5)", async () => {
    const r = await run({ stars: ["4", "5"], limit: "100" })
    expect(r.hits.every((h) => h.stars >= 4)).toBe(true)
    expect(r.total).toBe(11)
  })
  it("19. combined: text + province + stars", async () => {
    expect(ids(await run({ q: "trà", province: "tuyen-quang", stars: "5" }))).toEqual(["prod_tra_st"])
  })
  it("20. combined: group + subgroup + price range", async () => {
    const r = await run({ group: "thuc-pham", subgroup: "gia-vi", min_price: "100000", max_price: "200000" })
    expect(new Set(ids(r))).toEqual(new Set(["prod_nm_pq", "prod_nm_pt"]))
  })
  it("21. facet counts are disjunctive: the stars facet ignores the stars filter", async () => {
    const r = await run({ q: "nước mắm", stars: "5" })
    expect(r.total).toBe(1)
    expect(r.facets.stars).toEqual([
      { value: 5, count: 1, selected: true },
      { value: 4, count: 1, selected: false },
      { value: 3, count: 1, selected: false },
    ])
  })
  it("22. facet counts follow the OTHER active filters", async () => {
    const r = await run({ q: "nước mắm", stars: "5" })
    // province facet applies stars=5 → only An Giang
    expect(r.facets.province.map((f) => [f.value, f.count])).toEqual([["an-giang", 1]])
    const r2 = await run({ province: "dak-lak" })
    expect(r2.facets.province.find((f) => f.value === "dak-lak")).toMatchObject({ count: 2, selected: true })
    expect(r2.facets.province.length).toBeGreaterThan(5)
    expect(r2.facets.group.find((f) => f.value === "do-uong")?.count).toBe(1)
  })
  it("23. facets: group, subgroup, producer type and price range", async () => {
    const r = await run({ q: "nước mắm" })
    expect(r.facets.group).toEqual([{ value: "thuc-pham", label: "Thực phẩm", count: 3, selected: false }])
    expect(r.facets.subgroup[0]).toMatchObject({ value: "gia-vi", count: 3 })
    expect(r.facets.producer_type.map((f) => f.value).sort()).toEqual(["cooperative", "enterprise", "household"])
    expect(r.facets.price).toEqual({ min: 90000, max: 185000 })
  })
  it("24. unlisted and unpublished products are never returned", async () => {
    const r = await run({ q: "nước mắm", limit: "100" })
    expect(ids(r)).not.toContain("prod_unlisted")
    expect(ids(r)).not.toContain("prod_draft")
    const all = await run({ limit: "100" })
    expect(all.total).toBe(15)
    expect(ids(all)).not.toContain("prod_unlisted")
  })
  it("25. a delisted product disappears from results (delete by id)", async () => {
    await provider.deleteDocuments({ index: resolved.physical_name, filters: { id: ["prod_thuy"] } })
    expect(ids(await run({ q: "thủy tiên" }))).toEqual([])
    await provider.upsertDocuments({
      index: resolved.physical_name,
      definition: resolved,
      documents: [toSearchDocument(FIXTURES.find((f) => f.id === "prod_thuy")!)!] as any,
    })
    expect(ids(await run({ q: "thủy tiên" }))).toEqual(["prod_thuy"])
  })
  it("26. sort by price ascending and descending", async () => {
    const asc = await run({ group: "do-uong", sort: "price_asc" })
    expect(ids(asc)).toEqual(["prod_thuy", "prod_ruou"])
    const desc = await run({ group: "do-uong", sort: "price_desc" })
    expect(ids(desc)).toEqual(["prod_ruou", "prod_thuy"])
  })
  it("27. sort newest and by stars", async () => {
    expect(ids(await run({ sort: "newest" }))[0]).toBe("prod_ca_phe")
    const s = await run({ sort: "stars", limit: "5" })
    expect(s.hits.every((h) => h.stars === 5)).toBe(true)
  })
  it("28. pagination: page and limit", async () => {
    const p1 = await run({ limit: "4", page: "1" })
    const p2 = await run({ limit: "4", page: "2" })
    expect(p1.hits).toHaveLength(4)
    expect(p2.hits).toHaveLength(4)
    expect(ids(p1).filter((id) => ids(p2).includes(id))).toEqual([])
    expect(p2).toMatchObject({ page: 2, limit: 4, total: 15 })
  })
  it("29. English title from metadata is searchable and shown with locale=en", async () => {
    const r = await run({ q: "honey", locale: "en" })
    expect(ids(r)).toEqual(["prod_en"])
    expect(r.hits[0].title).toBe("Mint honey from Ha Giang")
  })
  it("30. highlight marks the matched words with their accents", async () => {
    const r = await run({ q: "nuoc mam phu quoc" })
    expect(r.hits[0].highlight?.title).toBe(
      "<mark>Nước</mark> <mark>mắm</mark> <mark>Phú</mark> <mark>Quốc</mark> 40 độ đạm"
    )
  })
  it("31. hit shape: price in VND integers, producer, group", async () => {
    const r = await run({ q: "kẹo dừa" })
    expect(r.hits[0]).toMatchObject({
      id: "prod_dua",
      price: { amount: 45000, currency_code: "vnd" },
      stars: 4,
      province: { slug: "vinh-long", name_vi: "Vĩnh Long", former_name_vi: "Bến Tre" },
      group: { slug: "thuc-pham" },
      producer: { entity_type: "cooperative" },
    })
    expect(typeof r.took_ms).toBe("number")
  })
  it("32. producer_type filter", async () => {
    const r = await run({ producer_type: "enterprise" })
    expect(new Set(ids(r))).toEqual(new Set(["prod_nm_pt", "prod_kh"]))
  })
  it("33. no match gives an empty, well-formed answer", async () => {
    const r = await run({ q: "xyzzy qwerty" })
    expect(r).toMatchObject({ hits: [], total: 0 })
    expect(r.facets.price).toBeNull()
  })
  it("34. type-ahead: prefix of the last word, ≤ 8 titles", async () => {
    const r = await suggestOcopProducts(searchModule, "nuoc ma")
    expect(r.suggestions.map((s) => s.id)).toEqual(expect.arrayContaining(["prod_nm_pq", "prod_nm_pt", "prod_nm_cb"]))
    expect(r.suggestions.length).toBeLessThanOrEqual(8)
    expect((await suggestOcopProducts(searchModule, "ca ph")).suggestions[0].title).toBe("Cà phê Buôn Ma Thuột")
    // nothing to complete: no suggestions, not the catalogue by stars (a shopper typing "..")
    for (const q of ["☃", "..", "%", "🍊", " - "])
      expect((await suggestOcopProducts(searchModule, q)).suggestions, q).toEqual([])
  })
  it("34b. type-ahead order: the words in a row in the name, then in the name apart, then elsewhere", async () => {
    const suggested = async (q: string) => (await suggestOcopProducts(searchModule, q)).suggestions.map((s) => s.id)
    // "nước m…" in a row: the three nước mắm by stars (5, 4, 3); "Máy lọc nước gốm" holds both
    // words ("máy") apart
    expect(await suggested("nuoc m")).toEqual(["prod_nm_pq", "prod_nm_pt", "prod_nm_cb", "prod_loc"])
    // both from Đắk Lắk: the rượu cần (4 stars) by its name before the cà phê (5 stars) by its province
    // (a close word of "dak" matches a third product further down)
    expect((await suggested("dak l")).slice(0, 2)).toEqual(["prod_ruou", "prod_ca_phe"])
    expect((await suggested("Đắk Lắ")).slice(0, 2)).toEqual(["prod_ruou", "prod_ca_phe"])
  })
  it.each(["cafe", "ca fe", "caphe", "coffee", "Café", "ca phee", "cafe buon ma thuot"])(
    "36. spelling variant or typo %s finds exactly the cà phê",
    async (q) => {
      expect(ids(await run({ q }))).toEqual(["prod_ca_phe"])
    }
  )
  it.each(["nuoc mm", "nc mam", "fish sauce", "nuoc mamm"])("37. %s finds exactly the nước mắm", async (q) => {
    expect(new Set(ids(await run({ q })))).toEqual(new Set(["prod_nm_pq", "prod_nm_pt", "prod_nm_cb"]))
  })
  it("38. 'tea' finds what trà and chè find, nothing else", async () => {
    const expected = new Set([...ids(await run({ q: "trà" })), ...ids(await run({ q: "chè" }))])
    expect(expected.size).toBeGreaterThanOrEqual(2)
    expect(new Set(ids(await run({ q: "tea", limit: "100" })))).toEqual(expected)
  })
  it("39. 'honey' finds the mật ong by its Vietnamese name too, and highlights it", async () => {
    const r = await run({ q: "honey" })
    expect(ids(r)).toEqual(["prod_en"])
    expect(r.hits[0].highlight?.title).toBe("<mark>Mật</mark> <mark>ong</mark> bạc hà")
  })
  it("40. a variant keeps the other words' meaning: 'coffee lam dong' finds nothing", async () => {
    expect(ids(await run({ q: "coffee lam dong" }))).toEqual([])
  })
  it("41. corrections come back as folded word → close words", async () => {
    const r = await run({ q: "nuoc mamm" })
    expect(r.corrected_terms).toMatchObject({ mamm: expect.arrayContaining(["mam"]) })
    expect((await run({ q: "cafe" })).corrected_terms).toBeUndefined()
  })
  it("42. a former name ranks products whose producer lies in that former province first", async () => {
    // both certified under Lâm Đồng's current code (68); only one producer's address was in Bình Thuận
    const inLamDong = (id: string, title: string, former: string | null) => {
      const source = product({ id, title, stars: 5, province: "68", group: "thuc-pham", price: 50000 })
      source.producer!.former_province_code = former
      return toSearchDocument(source)!
    }
    const docs = [
      inLamDong("prod_ld_a_dalat", "Mứt dâu tây", "68"),
      inLamDong("prod_ld_z_bt", "Thanh long ruột đỏ", "60"),
    ]
    const documents = docs as unknown as SearchTypes.SearchDocument[]
    await provider.upsertDocuments({ index: resolved.physical_name, definition: resolved, documents })
    try {
      const r = await run({ q: "binh thuan", limit: "100" })
      const order = ids(r)
      expect(order).toContain("prod_ld_a_dalat") // every Lâm Đồng product is in the former Bình Thuận's unit
      expect(order.indexOf("prod_ld_z_bt")).toBeLessThan(order.indexOf("prod_ld_a_dalat"))
      expect(r.hits.find((h) => h.id === "prod_ld_z_bt")?.province.former_name_vi).toBe("Bình Thuận")
      expect(r.hits.find((h) => h.id === "prod_ld_a_dalat")?.province).not.toHaveProperty("former_name_vi")
      // as the province filter too: the whole merged unit, the former province's own products first
      const filtered = ids(await run({ province: "binh-thuan", limit: "100" }))
      expect(new Set(filtered)).toEqual(new Set(ids(await run({ province: "lam-dong", limit: "100" }))))
      expect(filtered.indexOf("prod_ld_z_bt")).toBeLessThan(filtered.indexOf("prod_ld_a_dalat"))
      const viaFormer = await run({ province: "binh-thuan" })
      const unit = await run({ province: "lam-dong" })
      expect(viaFormer.query.q).toBe("")
      // total and facets are the filter's alone
      expect(viaFormer.total).toBe(unit.total)
      expect(viaFormer.facets.province).toEqual(unit.facets.province)
    } finally {
      await provider.deleteDocuments({ index: resolved.physical_name, filters: { id: docs.map((d) => d.id) } })
    }
  })
  it.each([
    [{ stars: "2" }, "stars"],
    [{ stars: "abc" }, "stars"],
    [{ limit: "101" }, "limit"],
    [{ page: "0" }, "page"],
    [{ sort: "cheapest" }, "sort"],
    [{ min_price: "-5" }, "min_price"],
    [{ min_price: "500", max_price: "100" }, "min_price"],
    [{ province: "atlantis" }, "province"],
    [{ group: "weapons" }, "group"],
    [{ producer_type: "bank" }, "producer_type"],
    [{ locale: "fr" }, "locale"],
    [{ colour: "red" }, "colour"],
  ])("35. bad parameter %o is refused naming %s", (query, param) => {
    const parsed = parseSearchParams(query as any)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.errors.map((e) => e.param)).toContain(param)
  })
})
