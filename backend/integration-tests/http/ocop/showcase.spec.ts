import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  certificationBody,
  createPlainProduct,
  expectRefusal,
  listedProductIds,
  operatorActions,
  useMarketplace,
} from "../../fixtures/marketplace"

type Card = { id: string; title: string; price: number; ocop: { stars: number } }
type List = { title_vi: string; ends_at: string; products: Card[] }
type Showcase = {
  featured_lists: List[]
  campaigns: List[]
  five_star: Card[]
  newest: Card[]
  producers: { name: string }[]
}
type SitemapPage = { count: number; entries: { handle: string }[] }
const idsOf = (cards: Card[]) => cards.map((p) => p.id)

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const operator = operatorActions(api, getContainer, fx)
    const ids: Record<string, string> = {}

    beforeAll(async () => {
      const make = async (name: string, province_code: string, approve = true) =>
        (await operator.producer({ name, province_code }, approve)).id
      const lamDong = await make("HTX Trà Cầu Đất", "68")
      const haNoi = await make("HTX Gốm Bát Tràng", "01")
      await make("HTX Chưa Duyệt", "68", false)
      const certify = async (
        key: string,
        title: string,
        producerId: string,
        overrides: Record<string, unknown>,
        approve = true
      ) => {
        const product = await createPlainProduct(getContainer(), fx, title, 90_000)
        await api.post(`/admin/ocop/products/${product.id}/producer`, { producer_id: producerId }, fx.adminHeaders)
        const { data } = await api.post(
          "/admin/ocop/certifications",
          certificationBody(product.id, overrides),
          fx.adminHeaders
        )
        if (approve) {
          await api.post(`/admin/ocop/certifications/${data.certification.id}/approve`, {}, fx.adminHeaders)
        }
        ids[key] = product.id
      }
      await certify("tea5", "Trà ô long Cầu Đất", lamDong, { stars: 5, score: 93 })
      await certify("tea4", "Trà lài Cầu Đất", lamDong, { stars: 4 })
      await certify("pot5", "Bình gốm men lam", haNoi, {
        stars: 5,
        score: 95,
        province_code: "01",
        issuing_authority: "UBND thành phố Hà Nội",
        group_slug: "thu-cong-my-nghe",
        subgroup_slug: undefined,
      })
      await certify("unlisted5", "Trà chưa duyệt", lamDong, { stars: 5, score: 91 }, false)
      const translation = getContainer().resolve(Modules.TRANSLATION) as {
        createTranslations: (rows: object[]) => Promise<unknown>
      }
      await translation.createTranslations([
        {
          reference: "product",
          reference_id: ids.tea5,
          locale_code: "en-US",
          translations: { title: "Cau Dat oolong tea" },
        },
      ])
    })

    // the runner empties the featured lists between tests: each test that reads them creates them
    async function createLists() {
      await api.post(
        "/admin/ocop/featured-lists",
        { title_vi: "Chọn lọc", placement: "home", product_ids: [ids.unlisted5, ids.pot5, ids.tea4] },
        fx.adminHeaders
      )
      for (const [title_vi, starts_at, ends_at] of [
        ["Hội chợ đang diễn ra", day(-1), day(5)],
        ["Hội chợ đã qua", "2025-01-01", "2025-01-10"],
        ["Hội chợ sắp tới", day(3), day(9)],
      ]) {
        await api.post(
          "/admin/ocop/featured-lists",
          { title_vi, placement: "campaign", product_ids: [ids.tea5], starts_at, ends_at, province_code: "68" },
          fx.adminHeaders
        )
      }
    }

    it("answers the home page in one call: home lists, campaigns in force with dates, newest 5★, newest", async () => {
      await createLists()
      const { data, headers } = await api.get("/store/ocop/showcase", fx.storeHeaders)
      expect(headers["cache-control"]).toMatch(/public/)
      // unlisted products stay in the curator's list but are never shown; the order is the curator's
      expect(data.featured_lists.map((l: List) => idsOf(l.products))).toEqual([[ids.pot5, ids.tea4]])
      expect(data.featured_lists[0].products[0]).toMatchObject({ price: 90_000, ocop: { stars: 5 } })
      expect(data.campaigns.map((l: List) => l.title_vi)).toEqual(["Hội chợ đang diễn ra"])
      expect(new Date(data.campaigns[0].ends_at).toISOString().slice(0, 10)).toBe(day(5))
      expect(idsOf(data.five_star).sort()).toEqual([ids.tea5, ids.pot5].sort())
      expect(idsOf(data.newest).sort()).toEqual([ids.tea5, ids.tea4, ids.pot5].sort())
      expect(data.producers).toEqual([])
    })

    it("gives English titles (Translation Module) for en-US, Vietnamese otherwise", async () => {
      const vi = (await api.get("/store/ocop/showcase", fx.storeHeaders)).data
      const en = (
        await api.get("/store/ocop/showcase", { headers: { ...fx.storeHeaders.headers, "x-medusa-locale": "en-US" } })
      ).data
      const title = (body: Showcase) => body.five_star.find((p) => p.id === ids.tea5)?.title
      expect(title(vi)).toBe("Trà ô long Cầu Đất")
      expect(title(en)).toBe("Cau Dat oolong tea")
      // untranslated products keep their own title
      expect((en as Showcase).five_star.find((p) => p.id === ids.pot5)?.title).toBe("Bình gốm men lam")
    })

    it("narrows to a province (its lists, campaigns, active producers) or a product group", async () => {
      await createLists()
      const lamDong = (await api.get("/store/ocop/showcase?province=lam-dong", fx.storeHeaders)).data
      expect(idsOf(lamDong.five_star)).toEqual([ids.tea5])
      expect(lamDong.campaigns.map((l: List) => l.title_vi)).toEqual(["Hội chợ đang diễn ra"])
      expect(lamDong.producers.map((p: { name: string }) => p.name)).toEqual(["HTX Trà Cầu Đất"])
      expect(lamDong.newest).toEqual([])
      const formerName = (
        await api.get(`/store/ocop/showcase?province=${encodeURIComponent("Bình Thuận")}`, fx.storeHeaders)
      ).data
      expect(formerName.producers).toEqual(lamDong.producers)
      const crafts = (await api.get("/store/ocop/showcase?group=thu-cong-my-nghe", fx.storeHeaders)).data
      expect(idsOf(crafts.five_star)).toEqual([ids.pot5])
      // the home list holds a craft, so it shows, narrowed to it; the tea campaign holds none
      expect(crafts.featured_lists.map((l: List) => idsOf(l.products))).toEqual([[ids.pot5]])
      expect(crafts.campaigns).toEqual([])
    })

    it("refuses an unknown province or group, or both at once, naming the field", async () => {
      await expectRefusal(api.get("/store/ocop/showcase?province=atlantis", fx.storeHeaders), 400, /province/)
      await expectRefusal(api.get("/store/ocop/showcase?group=vu-khi", fx.storeHeaders), 400, /group/)
      await expectRefusal(
        api.get("/store/ocop/showcase?province=lam-dong&group=thuc-pham", fx.storeHeaders),
        400,
        /group/
      )
    })

    it("pages the sitemap's handles: exactly the listed products, and the active producers", async () => {
      const listed = await listedProductIds(api, fx)
      const first = (await api.get("/store/ocop/sitemap?kind=products&limit=2", fx.storeHeaders)).data
      const second = (await api.get("/store/ocop/sitemap?kind=products&limit=2&page=2", fx.storeHeaders)).data
      expect(first.count).toBe(listed.size)
      expect(first.entries).toHaveLength(2)
      const handles = [...(first as SitemapPage).entries, ...(second as SitemapPage).entries].map((e) => e.handle)
      const { data } = await api.get(`/store/products?fields=handle&limit=100`, fx.storeHeaders)
      expect(handles.sort()).toEqual(data.products.map((p: { handle: string }) => p.handle).sort())
      const producers = (await api.get("/store/ocop/sitemap?kind=producers", fx.storeHeaders)).data
      expect(producers.count).toBe(2) // the pending one is left out
      await expectRefusal(api.get("/store/ocop/sitemap?kind=orders", fx.storeHeaders), 400, /kind/)
      await expectRefusal(api.get("/store/ocop/sitemap?kind=products&limit=100000", fx.storeHeaders), 400, /limit/)
    })
  },
})
