import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { expectRefusal, operatorActions, useMarketplace, unique } from "../../fixtures/marketplace"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const operator = operatorActions(api, getContainer, fx)
    let listed: { productId: string; certNumber: string; traceCode: string; producerHandle: string }

    const producer = (name: string, province_code: string, entity_type = "cooperative", approve = true) =>
      operator.producer({ name, entity_type, province_code }, approve)

    async function certified(
      title: string,
      producerId: string,
      overrides: Record<string, unknown> = {},
      approve = true
    ) {
      return operator.certifiedProduct({
        title,
        producerId,
        certification: { traceability_code: unique("TX"), ...overrides },
        approve,
      })
    }

    it("lists the 34 provinces with their former names and the product groups", async () => {
      const { data } = await api.get("/store/ocop/provinces", fx.storeHeaders)
      expect(data.provinces).toHaveLength(34)
      const lamDong = data.provinces.find((p: any) => p.slug === "lam-dong")
      expect(lamDong.former_provinces.map((f: any) => f.name_vi).sort()).toEqual(
        ["Bình Thuận", "Lâm Đồng", "Đắk Nông"].sort()
      )
      const groups = (await api.get("/store/ocop/groups", fx.storeHeaders)).data.groups
      expect(groups.map((g: any) => g.slug)).toEqual([
        "thuc-pham",
        "do-uong",
        "duoc-lieu",
        "thu-cong-my-nghe",
        "sinh-vat-canh",
        "dich-vu-du-lich",
      ])
    })

    it("shows active producers by province (also by a former province name) and type, and a producer's listed products", async () => {
      const htx = await producer("HTX Cà phê Cầu Đất", "68", "cooperative")
      await producer("Công ty TNHH Nước mắm Phan Thiết", "68", "enterprise")
      await producer("Hộ kinh doanh Chè Thái", "01", "household")
      await producer("HTX Chưa Duyệt", "68", "cooperative", false)
      const shown = await certified("Cà phê Arabica Cầu Đất", htx.id)
      await certified("Cà phê chưa duyệt", htx.id, {}, false)

      const lamDong = (await api.get("/store/ocop/producers?province=lam-dong", fx.storeHeaders)).data
      expect(lamDong.producers.map((p: any) => p.name).sort()).toEqual([
        "Công ty TNHH Nước mắm Phan Thiết",
        "HTX Cà phê Cầu Đất",
      ])
      const viaFormer = (
        await api.get(`/store/ocop/producers?province=${encodeURIComponent("Bình Thuận")}`, fx.storeHeaders)
      ).data
      expect(viaFormer.count).toBe(2)
      const enterprises = (await api.get("/store/ocop/producers?province=68&entity_type=enterprise", fx.storeHeaders))
        .data
      expect(enterprises.producers).toHaveLength(1)
      const page = (await api.get("/store/ocop/producers?limit=1&offset=1", fx.storeHeaders)).data
      expect(page.producers).toHaveLength(1)
      expect(page.count).toBe(3)

      const shop = (await api.get(`/store/ocop/producers/${htx.handle}`, fx.storeHeaders)).data
      expect(shop.products.map((p: any) => p.id)).toEqual([shown.product.id])
      expect(shop.producer).not.toHaveProperty("status_reason")

      const bad = await expectRefusal(
        api.get("/store/ocop/producers?province=atlantis&limit=500", fx.storeHeaders),
        400,
        /^Invalid request: /
      )
      expect(Object.keys(bad.data.errors).sort()).toEqual(["limit", "province"])
      expect(bad.data.errors.province).toMatch(/^Unknown province/)
      await expectRefusal(
        api.get("/store/ocop/producers/khong-co", fx.storeHeaders),
        404,
        'Producer "khong-co" was not found.'
      )
    })

    it("shows a listed product's certification and verifies certificates: valid, expired, revoked, unknown", async () => {
      const htx = await producer("HTX Nước mắm Khải Hoàn", "91")
      const valid = await certified("Nước mắm Phú Quốc 40 độ đạm", htx.id, {
        stars: 5,
        score: 92,
        province_code: "91",
        issuing_authority: "Bộ Nông nghiệp và Môi trường",
      })
      const revoked = await certified("Nước mắm cá cơm 35 độ", htx.id, { province_code: "91" })
      const expired = await certified("Nước mắm nhĩ", htx.id, {
        province_code: "91",
        valid_from: "2021-01-01",
        expires_at: "2024-01-01",
      })
      await operator.revokeCertification(
        revoked.certification.id,
        "Thay đổi bao bì, không còn đúng sản phẩm được công nhận"
      )

      const cert = (await api.get(`/store/ocop/products/${valid.product.id}/certification`, fx.storeHeaders)).data
      expect(cert.certification).toMatchObject({
        stars: 5,
        certificate_number: valid.body.certificate_number,
        issuing_authority: "Bộ Nông nghiệp và Môi trường",
        status: "approved",
      })
      expect(cert.certification.province.slug).toBe("an-giang")
      expect(cert.producer.name).toBe("HTX Nước mắm Khải Hoàn")
      await expectRefusal(
        api.get(`/store/ocop/products/${revoked.product.id}/certification`, fx.storeHeaders),
        404,
        "This product is not listed on the OCOP marketplace."
      )
      expect((await api.get(`/store/ocop/handles/${valid.product.handle}`, fx.storeHeaders)).data.id).toBe(
        valid.product.id
      )
      await expectRefusal(
        api.get(`/store/ocop/handles/${revoked.product.handle}`, fx.storeHeaders),
        404,
        `Product "${revoked.product.handle}" is not listed.`
      )

      const listings = (
        await api.get(
          `/store/ocop/listings?product_id=${valid.product.id}&product_id=${revoked.product.id}`,
          fx.storeHeaders
        )
      ).data
      expect(listings.listings.map((l: any) => l.product_id)).toEqual([valid.product.id])
      expect(listings.listings[0]).toMatchObject({
        stars: 5,
        province: { slug: "an-giang" },
        group: { slug: "thuc-pham" },
      })

      const verify = async (code: string) =>
        (await api.get(`/store/ocop/verify?code=${encodeURIComponent(code)}`, fx.storeHeaders)).data
      expect((await verify(valid.body.certificate_number as string)).result).toBe("valid")
      expect((await verify(valid.body.traceability_code as string)).result).toBe("valid")
      expect((await verify(revoked.body.certificate_number as string)).result).toBe("revoked")
      expect((await verify(expired.body.certificate_number as string)).result).toBe("expired")
      expect((await verify("OCOP-KHONG-TON-TAI")).result).toBe("unknown")
      // any case and spacing; the answer names the product (linked while listed) and its producer
      const number = valid.body.certificate_number as string
      const retyped = await verify(`  ${number.toLowerCase().replace(/-/g, " ")} `)
      expect(retyped).toMatchObject({
        result: "valid",
        certification: { certificate_number: number, stars: 5 },
        product: { id: valid.product.id, title: "Nước mắm Phú Quốc 40 độ đạm", handle: valid.product.handle },
        producer: { name: "HTX Nước mắm Khải Hoàn" },
      })
      expect((await verify((valid.body.traceability_code as string).toLowerCase())).result).toBe("valid")
      expect((await verify(revoked.body.certificate_number as string)).product).toMatchObject({ handle: null })
      const empty = await expectRefusal(
        api.get("/store/ocop/verify?code=", fx.storeHeaders),
        400,
        /^Invalid request: code: /
      )
      expect(Object.keys(empty.data.errors)).toEqual(["code"])
    })
  },
})
