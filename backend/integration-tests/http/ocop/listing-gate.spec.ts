import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import {
  certificationBody,
  createPlainProduct,
  expectStatus,
  listedProductIds,
  setupMarketplace,
  unique,
  type Fixture,
} from "../../fixtures/marketplace"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fx: Fixture

    beforeAll(async () => {
      fx = await setupMarketplace(getContainer(), api)
    })

    async function activeProducer(name = "Hợp tác xã Chè Tân Cương") {
      const created = await api.post(
        "/admin/ocop/producers",
        { name: `${name} ${unique("")}`, entity_type: "cooperative", province_code: "68", phone: "0912345678" },
        fx.adminHeaders
      )
      await api.post(`/admin/ocop/producers/${created.data.producer.id}/approve`, {}, fx.adminHeaders)
      return created.data.producer.id as string
    }

    async function certifiedProduct(title: string, producerId?: string) {
      const product = await createPlainProduct(getContainer(), fx, title)
      const producer = producerId ?? (await activeProducer())
      await api.post(`/admin/ocop/products/${product.id}/producer`, { producer_id: producer }, fx.adminHeaders)
      const cert = await api.post("/admin/ocop/certifications", certificationBody(product.id), fx.adminHeaders)
      return { product, producerId: producer, certificationId: cert.data.certification.id as string }
    }

    async function approve(certificationId: string, body: Record<string, unknown> = {}) {
      return api.post(`/admin/ocop/certifications/${certificationId}/approve`, body, fx.adminHeaders)
    }

    async function storeDetail(productId: string) {
      return expectStatus(api.get(`/store/products/${productId}?region_id=${fx.regionId}`, fx.storeHeaders), 200)
    }

    async function newCart() {
      const { data } = await api.post("/store/carts", { region_id: fx.regionId }, fx.storeHeaders)
      return data.cart.id as string
    }

    describe("the listing gate", () => {
      it("keeps an uncertified product out of the store list, detail and carts until its certification is approved", async () => {
        const { product, certificationId } = await certifiedProduct("Chè Tân Cương đặc biệt")
        expect((await listedProductIds(api, fx)).has(product.id)).toBe(false)
        expect((await storeDetail(product.id)).status).toBe(404)
        const cartId = await newCart()
        const refused = await expectStatus(
          api.post(`/store/carts/${cartId}/line-items`, { variant_id: product.variants[0].id, quantity: 1 }, fx.storeHeaders),
          400
        )
        expect(refused.status).toBeGreaterThanOrEqual(400)
        expect(refused.status).toBeLessThan(500)

        await approve(certificationId)
        expect((await listedProductIds(api, fx)).has(product.id)).toBe(true)
        const detail = await storeDetail(product.id)
        expect(detail.status).toBe(200)
        expect(detail.data.product.title).toBe("Chè Tân Cương đặc biệt")
        const added = await api.post(
          `/store/carts/${cartId}/line-items`,
          { variant_id: product.variants[0].id, quantity: 2 },
          fx.storeHeaders
        )
        expect(added.data.cart.items).toHaveLength(1)
      })

      it("removes a product when its certificate is revoked, its producer suspended, it is unpublished, or its expiry passes", async () => {
        const revoked = await certifiedProduct("Mật ong bạc hà Đồng Văn")
        const suspended = await certifiedProduct("Gạo ST25 Sóc Trăng")
        const unpublished = await certifiedProduct("Cà phê Cầu Đất")
        const expiring = await certifiedProduct("Nước mắm Phú Quốc")
        for (const p of [revoked, suspended, unpublished, expiring]) await approve(p.certificationId)
        let listed = await listedProductIds(api, fx)
        for (const p of [revoked, suspended, unpublished, expiring]) expect(listed.has(p.product.id)).toBe(true)

        await api.post(`/admin/ocop/certifications/${revoked.certificationId}/revoke`, { reason: "Vi phạm sử dụng logo OCOP" }, fx.adminHeaders)
        await api.post(`/admin/ocop/producers/${suspended.producerId}/suspend`, { reason: "Ngừng sản xuất" }, fx.adminHeaders)
        await api.post(`/admin/products/${unpublished.product.id}`, { status: "draft" }, fx.adminHeaders)
        // Time passes: the certificate's expiry date is now behind us; the daily job runs.
        const ocop: any = getContainer().resolve("ocop")
        await ocop.updateCertifications({ id: expiring.certificationId, valid_from: new Date("2022-01-01"), expires_at: new Date(Date.now() - 60_000) })
        const job = await api.post("/admin/ocop/jobs/expire-certifications", {}, fx.adminHeaders)
        expect(job.data.expired).toContain(expiring.certificationId)

        // The product.updated subscriber runs asynchronously.
        await new Promise((r) => setTimeout(r, 500))
        listed = await listedProductIds(api, fx)
        expect(listed.has(revoked.product.id)).toBe(false)
        expect(listed.has(suspended.product.id)).toBe(false)
        expect(listed.has(unpublished.product.id)).toBe(false)
        expect(listed.has(expiring.product.id)).toBe(false)

        const audit = await api.get(`/admin/ocop/products/${revoked.product.id}`, fx.adminHeaders)
        expect(audit.data.listing.listed).toBe(false)
        expect(audit.data.listing.reasons).toContain("no_approved_certification")
        expect(audit.data.audit_events.map((e: any) => e.action)).toEqual(expect.arrayContaining(["revoke", "delisted"]))
      })

      it("refuses to complete a cart whose product lost its certificate while in the cart, naming the product", async () => {
        const item = await certifiedProduct("Bánh pía Sóc Trăng")
        await approve(item.certificationId)
        const cartId = await newCart()
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: item.product.variants[0].id, quantity: 1 }, fx.storeHeaders)
        await api.post(`/store/carts/${cartId}`, { email: "khach@ocop.test" }, fx.storeHeaders)
        const options = await api.get(`/store/shipping-options?cart_id=${cartId}`, fx.storeHeaders)
        await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.data.shipping_options[0].id }, fx.storeHeaders)
        const collection = await api.post("/store/payment-collections", { cart_id: cartId }, fx.storeHeaders)
        await api.post(
          `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          fx.storeHeaders
        )

        await api.post(`/admin/ocop/certifications/${item.certificationId}/revoke`, { reason: "Không đạt tiêu chí bắt buộc khi đánh giá lại" }, fx.adminHeaders)

        const completed = await expectStatus(api.post(`/store/carts/${cartId}/complete`, {}, fx.storeHeaders), 400)
        const message = JSON.stringify(completed.data)
        expect(message).toContain("Bánh pía Sóc Trăng")
        expect(message).toMatch(/no approved 3–5★ OCOP certification/)
        expect(message).toMatch(/không còn được bán trên Chợ OCOP/)
        expect(completed.data.type).not.toBe("order")
        const orders = await getContainer().resolve(Modules.ORDER).listOrders({})
        expect(orders).toHaveLength(0)
      })

      it("refuses Admin API attempts to put an uncertified product into the marketplace channel, saying why", async () => {
        const product = await createPlainProduct(getContainer(), fx, "Tương Bần Hưng Yên")
        const viaChannel = await expectStatus(
          api.post(`/admin/sales-channels/${fx.marketplaceChannelId}/products`, { add: [product.id] }, fx.adminHeaders),
          400
        )
        expect(viaChannel.status).toBe(400)
        expect(viaChannel.data.message).toMatch(/cannot be listed in the OCOP marketplace: .*no OCOP producer/)

        const viaProduct = await expectStatus(
          api.post(`/admin/products/${product.id}`, { sales_channels: [{ id: fx.marketplaceChannelId }] }, fx.adminHeaders),
          400
        )
        expect(viaProduct.status).toBe(400)
        expect(viaProduct.data.message).toMatch(/no approved 3–5★ OCOP certification/)

        const viaCreate = await expectStatus(
          api.post(
            "/admin/products",
            {
              title: "Sản phẩm mới chưa chứng nhận",
              sales_channels: [{ id: fx.marketplaceChannelId }],
              options: [{ title: "Quy cách", values: ["Mặc định"] }],
              variants: [{ title: "Mặc định", options: { "Quy cách": "Mặc định" }, prices: [{ amount: 1000, currency_code: "vnd" }] }],
            },
            fx.adminHeaders
          ),
          400
        )
        expect(viaCreate.status).toBe(400)
        expect(viaCreate.data.message).toMatch(/new product has no approved OCOP certification/)
        expect((await listedProductIds(api, fx)).has(product.id)).toBe(false)
      })
    })

    describe("expiry job", () => {
      it("gives the same state when run twice and emits one expiring warning per certificate", async () => {
        const withEmail = await api.post(
          "/admin/ocop/producers",
          { name: "HTX Hồng Đà Lạt", entity_type: "cooperative", province_code: "68", email: "htx.hong@ocop.test" },
          fx.adminHeaders
        )
        await api.post(`/admin/ocop/producers/${withEmail.data.producer.id}/approve`, {}, fx.adminHeaders)
        const soon = await certifiedProduct("Hồng treo gió Đà Lạt", withEmail.data.producer.id)
        const lapsed = await certifiedProduct("Rượu cần Lạc Dương")
        // Recognised ~35 months ago (validity may not exceed 36 months), ending in 10 days.
        await approve(soon.certificationId, { valid_from: new Date(Date.now() - 1050 * 86400_000).toISOString(), expires_at: new Date(Date.now() + 10 * 86400_000).toISOString() })
        await approve(lapsed.certificationId, { valid_from: "2022-01-10" })
        const ocop: any = getContainer().resolve("ocop")
        await ocop.updateCertifications({ id: lapsed.certificationId, expires_at: new Date(Date.now() - 3600_000) })

        const first = await api.post("/admin/ocop/jobs/expire-certifications", {}, fx.adminHeaders)
        expect(first.data.expired).toEqual([lapsed.certificationId])
        expect(first.data.warned).toEqual([soon.certificationId])
        const stateAfterFirst = await ocop.listCertifications({ id: [soon.certificationId, lapsed.certificationId] }, { select: ["id", "status", "expiry_warning_sent_at"] })
        const listedAfterFirst = await listedProductIds(api, fx)

        const second = await api.post("/admin/ocop/jobs/expire-certifications", {}, fx.adminHeaders)
        expect(second.data).toEqual({ expired: [], warned: [] })
        const stateAfterSecond = await ocop.listCertifications({ id: [soon.certificationId, lapsed.certificationId] }, { select: ["id", "status", "expiry_warning_sent_at"] })
        expect(stateAfterSecond).toEqual(stateAfterFirst)
        expect(await listedProductIds(api, fx)).toEqual(listedAfterFirst)
        expect(listedAfterFirst.has(soon.product.id)).toBe(true)
        expect(listedAfterFirst.has(lapsed.product.id)).toBe(false)

        const warnings = await ocop.listAuditEvents({ action: "expiry_warning" })
        expect(warnings.map((w: any) => w.entity_id)).toEqual([soon.certificationId])
        // The producer is emailed once (the expiring event is emitted once per certificate).
        await new Promise((r) => setTimeout(r, 500))
        const sent = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: "htx.hong@ocop.test" })
        expect(sent).toHaveLength(1)
        expect(sent[0].data.subject).toMatch(/hết hạn/)
      })
    })

    describe("randomized operations", () => {
      it("after 200 random approve/revoke/suspend/renew/expire/publish/unpublish operations, the store lists exactly the products the rule allows", async () => {
        let seed = 20261123
        const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
        const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)]
        const producers = [await activeProducer("HTX A"), await activeProducer("HTX B"), await activeProducer("Hộ C")]
        const items: Array<{ productId: string; producerId: string; certIds: string[] }> = []
        for (let i = 0; i < 10; i++) {
          const producerId = producers[i % producers.length]
          const made = await certifiedProduct(`Đặc sản ngẫu nhiên ${i}`, producerId)
          items.push({ productId: made.product.id, producerId, certIds: [made.certificationId] })
        }
        const ocop: any = getContainer().resolve("ocop")
        const ops = ["approve", "approve", "revoke", "suspendProducer", "reactivateProducer", "renew", "expire", "publish", "unpublish"]
        const tally: Record<string, number> = {}
        for (let n = 0; n < 200; n++) {
          const item = pick(items)
          const op = pick(ops)
          tally[op] = (tally[op] ?? 0) + 1
          const certId = item.certIds[item.certIds.length - 1]
          // Refused transitions (e.g. revoking a revoked certificate) are part of the test: they must be 4xx, never 5xx.
          let res: { status: number; data: any } | undefined
          switch (op) {
            case "approve":
              res = await expectStatus(api.post(`/admin/ocop/certifications/${certId}/approve`, {}, fx.adminHeaders), 200)
              break
            case "revoke":
              res = await expectStatus(api.post(`/admin/ocop/certifications/${certId}/revoke`, { reason: "Kiểm tra ngẫu nhiên" }, fx.adminHeaders), 200)
              break
            case "suspendProducer":
              res = await expectStatus(api.post(`/admin/ocop/producers/${item.producerId}/suspend`, { reason: "Tạm dừng" }, fx.adminHeaders), 200)
              break
            case "reactivateProducer":
              res = await expectStatus(api.post(`/admin/ocop/producers/${item.producerId}/reactivate`, {}, fx.adminHeaders), 200)
              break
            case "renew": {
              res = await expectStatus(
                api.post(`/admin/ocop/certifications/${certId}/renew`, { stars: pick([3, 4, 5]), certificate_number: unique("RN") }, fx.adminHeaders),
                201
              )
              if (res.status === 201) item.certIds.push(res.data.certification.id)
              break
            }
            case "expire":
              await ocop.updateCertifications({ id: certId, valid_from: new Date("2020-01-01"), expires_at: new Date(Date.now() - 1000) })
              res = await expectStatus(api.post("/admin/ocop/jobs/expire-certifications", {}, fx.adminHeaders), 200)
              break
            case "publish":
            case "unpublish":
              res = await expectStatus(
                api.post(`/admin/products/${item.productId}`, { status: op === "publish" ? "published" : "draft" }, fx.adminHeaders),
                200
              )
              break
          }
          expect(res!.status).toBeLessThan(500)
        }
        expect(Object.keys(tally).sort()).toEqual([...new Set(ops)].sort())
        await new Promise((r) => setTimeout(r, 800)) // product.updated subscribers

        // The oracle: the rule, applied here to the state read back through the Admin API.
        const now = new Date()
        const expected = new Set<string>()
        for (const item of items) {
          const detail = (await api.get(`/admin/ocop/products/${item.productId}`, fx.adminHeaders)).data
          const product = (await api.get(`/admin/products/${item.productId}?fields=status`, fx.adminHeaders)).data.product
          const ok =
            product.status === "published" &&
            detail.producer?.status === "active" &&
            detail.certifications.some(
              (c: any) => c.status === "approved" && c.stars >= 3 && c.stars <= 5 && new Date(c.valid_from) <= now && now < new Date(c.expires_at)
            )
          if (ok) expected.add(item.productId)
        }
        const listed = await listedProductIds(api, fx)
        const ours = new Set(items.map((i) => i.productId))
        expect([...listed].filter((id) => ours.has(id)).sort()).toEqual([...expected].sort())
        // Both outcomes occurred, so the comparison is not vacuous.
        expect(expected.size).toBeGreaterThan(0)
        expect(expected.size).toBeLessThan(items.length)
      })
    })

    describe("bad input", () => {
      it("answers field-level 400s for impossible certifications", async () => {
        const { product, certificationId } = await certifiedProduct("Mắm tôm chà Gò Công")
        const post = (overrides: Record<string, unknown>) =>
          expectStatus(api.post("/admin/ocop/certifications", certificationBody(product.id, overrides), fx.adminHeaders), 400)

        for (const stars of [2, 6]) {
          const r = await post({ stars, score: null })
          expect(r.status).toBe(400)
          expect(r.data.errors.stars).toMatch(/3, 4 or 5 stars/)
        }
        for (const score of [-1, 101]) {
          const r = await post({ score })
          expect(r.status).toBe(400)
          expect(r.data.errors.score).toMatch(/between 0 and 100/)
        }
        const mismatch = await post({ stars: 5, score: 72 })
        expect(mismatch.status).toBe(400)
        expect(mismatch.data.errors.score).toMatch(/gives 4★, not 5★/)

        const dates = await post({ valid_from: "2025-06-01", expires_at: "2025-01-01" })
        expect(dates.status).toBe(400)
        expect(dates.data.errors.expires_at).toMatch(/after valid_from/)

        const province = await post({ province_code: "99" })
        expect(province.status).toBe(400)
        expect(province.data.errors.province_code).toMatch(/Unknown province/)

        const existing = (await api.get(`/admin/ocop/certifications/${certificationId}`, fx.adminHeaders)).data.certification
        const duplicate = await post({ certificate_number: existing.certificate_number })
        expect(duplicate.status).toBe(400)
        expect(duplicate.data.errors.certificate_number).toMatch(/already recorded/)

        await approve(certificationId)
        for (const reason of ["", "   ", undefined]) {
          const r = await expectStatus(api.post(`/admin/ocop/certifications/${certificationId}/revoke`, { reason }, fx.adminHeaders), 400)
          expect(r.status).toBe(400)
          expect(r.data.message).toMatch(/reason is required/)
        }
        const unknownProvince = await expectStatus(
          api.post("/admin/ocop/producers", { name: "Cơ sở Sai Tỉnh", entity_type: "household", province_code: "00" }, fx.adminHeaders),
          400
        )
        expect(unknownProvince.data.errors.province_code).toMatch(/Unknown province/)
        // Nothing was lost or half-written: the certification is still approved and listed.
        expect((await listedProductIds(api, fx)).has(product.id)).toBe(true)
      })
    })
  },
})
