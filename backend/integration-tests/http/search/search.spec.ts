/**
 * GET /store/ocop/search through the real backend: the `ocop_product` index of Medusa's
 * Search Module, filled and kept current by events (ocop.listing.changed from the listing
 * gate), never by a manual reindex in these tests.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  certificationBody,
  createPlainProduct,
  eventually,
  expectRefusal,
  expectStatus,
  listedProductIds,
  operatorActions,
  useMarketplace,
  unique,
} from "../../fixtures/marketplace"

const SCORE: Record<number, number> = { 3: 60, 4: 78, 5: 95 }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const operator = operatorActions(api, getContainer, fx)
    const made: Record<string, { productId: string; certificationId: string; producerId: string }> = {}

    const activeProducer = async (name: string, entity_type = "cooperative", province_code = "68") =>
      (
        await operator.producer({
          name: `${name} ${unique("")}`,
          entity_type,
          province_code,
          phone: "0912345678",
        })
      ).id

    async function listedProduct(
      key: string,
      title: string,
      cert: Record<string, unknown> = {},
      producer: { name?: string; entity_type?: string; province_code?: string } = {}
    ) {
      const producerId = await activeProducer(
        producer.name ?? "Hợp tác xã Đặc sản",
        producer.entity_type,
        producer.province_code
      )
      const { product, certification } = await operator.certifiedProduct({
        title,
        producerId,
        certification: { score: SCORE[Number(cert.stars ?? 4)], ...cert },
      })
      made[key] = { productId: product.id, certificationId: certification.id, producerId }
      return made[key]
    }

    const search = (qs: string) => expectStatus(api.get(`/store/ocop/search?${qs}`, fx.storeHeaders), 200)

    /** Search follows the gate through events (asynchronous): asks again until `check` passes, for up to 5 s. */
    const searchUntil = (qs: string, check: (data: any) => void, what: string) =>
      eventually(
        async () => {
          const res = await search(qs)
          check(res.data)
          return res
        },
        { what, timeoutMs: 5000, intervalMs: 150 }
      )
    const ids = (data: any): string[] => (data?.hits ?? []).map((h: any) => h.id)

    beforeAll(async () => {
      // Lâm Đồng (68), thực phẩm / chế biến, 4★ (fixture defaults)
      await listedProduct("nuocmam", "Nước mắm cá cơm Phú Quốc", {
        stars: 5,
        group_slug: "thuc-pham",
        subgroup_slug: "gia-vi",
      })
      // Lâm Đồng since 2025 also covers the former Bình Thuận (certificates use current codes)
      await listedProduct("thanhlong", "Thanh long ruột đỏ Hàm Thuận", {
        stars: 4,
        group_slug: "thuc-pham",
        subgroup_slug: "thuc-pham-tuoi-song",
      })
      // Hà Nội (01), đồ uống, 3★
      await listedProduct(
        "ruou",
        "Rượu làng Vân Hà Nội",
        {
          stars: 3,
          group_slug: "do-uong",
          subgroup_slug: "do-uong-co-con",
          province_code: "01",
          issuing_authority: "UBND TP Hà Nội",
        },
        { entity_type: "enterprise", province_code: "01" }
      )
      // Hà Nội, thực phẩm, 5★
      await listedProduct(
        "dau",
        "Đậu phụ làng Mơ",
        { stars: 5, group_slug: "thuc-pham", subgroup_slug: "thuc-pham-che-bien", province_code: "01" },
        { province_code: "01" }
      )
      // certified but never approved: must never appear
      const pending = await createPlainProduct(getContainer(), fx, "Nước mắm chưa duyệt")
      const producerId = await activeProducer("Cơ sở chưa duyệt")
      await api.post(`/admin/ocop/products/${pending.id}/producer`, { producer_id: producerId }, fx.adminHeaders)
      await api.post("/admin/ocop/certifications", certificationBody(pending.id), fx.adminHeaders)
      made.pending = { productId: pending.id, certificationId: "", producerId }
    })

    it("reads what the index definition reads: producer via the link, certifications and listing via their entities", async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { PRODUCT_GRAPH_FIELDS, attachOcopRelations } = require("@ocop-marketplace/search/lib/source")
      const { data } = await query.graph({
        entity: "product",
        fields: PRODUCT_GRAPH_FIELDS,
        filters: { id: made.nuocmam.productId },
      })
      const [row] = await attachOcopRelations(data, query)
      const producer = Array.isArray(row.producer) ? row.producer[0] : row.producer
      expect(producer?.id).toBe(made.nuocmam.producerId)
      expect(row.certifications.map((c: any) => c.id)).toContain(made.nuocmam.certificationId)
      expect(row.product_listing).toMatchObject({ listed: true, certification_id: made.nuocmam.certificationId })
      expect(row.sales_channels.some((sc: any) => sc?.metadata?.ocop_role === "marketplace")).toBe(true)
      // The OCOP plugin's read-only links are not reachable through query.graph (fields dropped silently).
      const viaLinks = await query.graph({
        entity: "product",
        fields: ["id", "certifications.id", "product_listing.listed"],
        filters: { id: made.nuocmam.productId },
      })
      expect((viaLinks.data[0] as any).certifications).toBeUndefined()
    })

    it("finds a certified product by an unaccented query (đ folded too), with highlight and shaped hit", async () => {
      const res = await searchUntil(
        "q=nuoc%20mam",
        (d) => expect(ids(d)).toContain(made.nuocmam.productId),
        "the fish sauce to be found by an unaccented query"
      )
      const hit = res.data.hits.find((h: any) => h.id === made.nuocmam.productId)
      expect(hit.title).toBe("Nước mắm cá cơm Phú Quốc")
      expect(hit.stars).toBe(5)
      expect(hit.province.slug).toBe("lam-dong")
      expect(hit.price).toEqual({ amount: 120000, currency_code: "vnd" })
      expect(hit.producer.entity_type).toBe("cooperative")
      expect(hit.highlight?.title).toMatch(/<mark>/)
      expect(ids(res.data)).not.toContain(made.pending.productId)
      expect(typeof res.data.took_ms).toBe("number")

      const dau = await search("q=dau%20phu")
      expect(ids(dau.data)).toContain(made.dau.productId)
    })

    it("never returns products that are not listed", async () => {
      const res = await search("q=nuoc%20mam&limit=100")
      expect(ids(res.data)).not.toContain(made.pending.productId)
      const all = await search("limit=100")
      expect(all.data.total).toBe(4)
      expect(ids(all.data)).not.toContain(made.pending.productId)
    })

    it("facet counts reflect the other active filters (disjunctive)", async () => {
      const all = await search("")
      const count = (facets: any[], value: any) => facets.find((f) => f.value === value)?.count ?? 0
      expect(count(all.data.facets.province, "lam-dong")).toBe(2)
      expect(count(all.data.facets.province, "ha-noi")).toBe(2)
      expect(count(all.data.facets.stars, 5)).toBe(2)

      const hn = await search("province=ha-noi")
      expect(hn.data.total).toBe(2)
      // the province facet ignores its own filter: other provinces are still offered
      expect(count(hn.data.facets.province, "lam-dong")).toBe(2)
      expect(hn.data.facets.province.find((f: any) => f.value === "ha-noi").selected).toBe(true)
      // other facets are narrowed by the province filter
      expect(count(hn.data.facets.group, "do-uong")).toBe(1)
      expect(count(hn.data.facets.group, "thuc-pham")).toBe(1)
      expect(count(hn.data.facets.stars, 5)).toBe(1)
      expect(count(hn.data.facets.stars, 3)).toBe(1)
      expect(count(hn.data.facets.stars, 4)).toBe(0)

      const five = await search("stars=5")
      expect(five.data.total).toBe(2)
      expect(count(five.data.facets.province, "ha-noi")).toBe(1)
      expect(count(five.data.facets.province, "lam-dong")).toBe(1)
      expect(count(five.data.facets.stars, 4)).toBe(1)

      const both = await search("stars=5&province=ha-noi&group=thuc-pham")
      expect(ids(both.data)).toEqual([made.dau.productId])
    })

    it("understands a former province name and says both names on the hit", async () => {
      const res = await search("province=binh-thuan")
      expect(res.data.query.province).toMatchObject({ slug: "lam-dong", former_name_vi: "Bình Thuận" })
      expect(ids(res.data).sort()).toEqual([made.nuocmam.productId, made.thanhlong.productId].sort())
      const byName = await search(`province=${encodeURIComponent("Bình Thuận")}`)
      expect(byName.data.total).toBe(2)
      const hit = res.data.hits.find((h: any) => h.id === made.thanhlong.productId)
      expect(hit.province).toMatchObject({ slug: "lam-dong", name_vi: "Lâm Đồng", former_name_vi: "Bình Thuận" })
      // the former name inside the query text finds the unit's products too
      const byQuery = await search("q=thanh%20long%20binh%20thuan")
      expect(ids(byQuery.data)).toContain(made.thanhlong.productId)
    })

    it("refuses bad parameters with a 400 that names the parameter", async () => {
      for (const [qs, param] of [
        ["stars=6", "stars"],
        ["limit=500", "limit"],
        ["sort=cheapest", "sort"],
        ["min_price=abc", "min_price"],
        ["province=atlantis", "province"],
        ["colour=red", "colour"],
      ]) {
        await expectRefusal(api.get(`/store/ocop/search?${qs}`, fx.storeHeaders), 400, param)
      }
    })

    it("suggests titles as the shopper types", async () => {
      const res = await expectStatus(api.get("/store/ocop/search/suggest?q=ruou%20la", fx.storeHeaders), 200)
      expect(res.data.suggestions.map((s: any) => s.id)).toContain(made.ruou.productId)
    })

    it("drops a revoked product from search within seconds, without a manual reindex", async () => {
      const before = await search("q=ruou")
      expect(ids(before.data)).toContain(made.ruou.productId)
      await operator.revokeCertification(made.ruou.certificationId, "Vi phạm sử dụng logo OCOP")
      await searchUntil(
        "q=ruou",
        (d) => expect(ids(d)).not.toContain(made.ruou.productId),
        "the revoked wine to leave search (within 5 s)"
      )
      const facets = await search("")
      expect(facets.data.total).toBe(3)
      expect(facets.data.facets.group.find((f: any) => f.value === "do-uong")?.count ?? 0).toBe(0)
    })

    it("drops a product whose producer is suspended", async () => {
      await operator.suspendProducer(made.dau.producerId, "Ngừng sản xuất")
      await searchUntil(
        "q=dau%20phu",
        (d) => expect(ids(d)).not.toContain(made.dau.productId),
        "the suspended producer's tofu to leave search (within 5 s)"
      )
    })

    it("shows the certificate the store shows: the renewal while it stands, the older one again once the renewal is revoked", async () => {
      const { productId, certificationId } = made.thanhlong
      const starsOfHit = (d: any) => d.hits.find((h: any) => h.id === productId)?.stars
      const storeCertificate = async () =>
        (await expectStatus(api.get(`/store/ocop/products/${productId}/certification`, fx.storeHeaders), 200)).data
          .certification
      const renewed = await expectStatus(
        api.post(
          `/admin/ocop/certifications/${certificationId}/renew`,
          { stars: 5, score: 95, certificate_number: unique("RN") },
          fx.adminHeaders
        ),
        201
      )
      expect(await storeCertificate()).toMatchObject({ id: renewed.data.certification.id, stars: 5 })
      await searchUntil("q=thanh%20long", (d) => expect(starsOfHit(d)).toBe(5), "search to show the renewal's 5★")

      await expectStatus(
        operator.revokeCertification(renewed.data.certification.id, "Hồ sơ nâng hạng không hợp lệ"),
        200
      )
      // The first certificate is still approved and valid: the gate lists the product on it…
      const { listing } = (await api.get(`/admin/ocop/products/${productId}`, fx.adminHeaders)).data
      expect(listing).toMatchObject({ listed: true, certification_id: certificationId })
      expect((await listedProductIds(api, fx)).has(productId)).toBe(true)
      expect(await storeCertificate()).toMatchObject({ id: certificationId, stars: 4 })
      // …and search agrees, showing that certificate's stars again.
      await searchUntil(
        "q=thanh%20long",
        (d) => expect(starsOfHit(d)).toBe(4),
        "search to show the product with its remaining 4★ certificate"
      )
    })
  },
})
