/**
 * Issue 10, item 9: a curator features only its province's products; URL fields take only web
 * addresses (no `javascript:`); payment webhooks reach only providers this shop configured
 * (Stripe is not configured in this file).
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { certificationBody, createPlainProduct, expectStatus, useMarketplace, unique } from "../../fixtures/marketplace"
import { actors } from "./actors"

const URL_MESSAGE = "Enter a web address starting with https:// (http:// only in development)."

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)

    // The people of the security suite: producers signed up and approved, curators of a centre.
    const who = actors(api, getContainer, () => fx)
    const activeProducer = (province_code: string) =>
      who.producerAccount(`HTX ${province_code} ${unique("n")}`, province_code)
    const curator = async (province_code: string) => (await who.curatorAccount(province_code)).auth

    async function productOf(producerId: string, title: string) {
      const product = await createPlainProduct(getContainer(), fx, title)
      await api.post(`/admin/ocop/products/${product.id}/producer`, { producer_id: producerId }, fx.adminHeaders)
      return product.id as string
    }

    it("refuses another province's product in a curator's featured list, on create and on update, and changes nothing", async () => {
      const lamDong = await activeProducer("68")
      const haNoi = await activeProducer("01")
      const own = await productOf(lamDong.id, "Cà phê Cầu Đất")
      const foreign = await productOf(haNoi.id, "Bánh cốm Hà Nội")
      const orphan = (await createPlainProduct(getContainer(), fx, "Sản phẩm chưa có chủ thể")).id
      const lamDongCurator = await curator("68")

      const created = await api.post(
        "/trade-center/featured-lists",
        { title_vi: "Đặc sản Lâm Đồng", placement: "province", product_ids: [own] },
        lamDongCurator
      )
      expect(created.status).toBe(201)
      const listId = created.data.featured_list.id

      for (const [placement, ids, outside] of [
        ["province", [own, foreign], [foreign]],
        ["campaign", [foreign], [foreign]],
        ["province", [orphan, own], [orphan]],
      ] as const) {
        const refused = await expectStatus(
          api.post(
            "/trade-center/featured-lists",
            { title_vi: "Danh sách", placement, product_ids: ids },
            lamDongCurator
          ),
          403
        )
        expect(refused.status).toBe(403)
        const message = `A trade centre features only products of its own province (68); not: ${outside.join(", ")}.`
        expect(refused.data).toEqual({
          type: "forbidden",
          code: "forbidden",
          message,
          message_vi: "Bạn không có quyền thực hiện thao tác này.",
          message_en: message,
        })
      }
      const update = await expectStatus(
        api.post(
          `/trade-center/featured-lists/${listId}`,
          { title_vi: "Đặc sản", placement: "province", product_ids: [own, foreign] },
          lamDongCurator
        ),
        403
      )
      expect(update.status).toBe(403)
      expect(update.data.message).toBe(
        `A trade centre features only products of its own province (68); not: ${foreign}.`
      )

      const ocop = getContainer().resolve<{
        listFeaturedLists(filter: object): Promise<{ title_vi: string; product_ids: string[] }[]>
      }>("ocop")
      const lists = await ocop.listFeaturedLists({ trade_center_id: created.data.featured_list.trade_center_id })
      expect(lists.map((l) => [l.title_vi, l.product_ids])).toEqual([["Đặc sản Lâm Đồng", [own]]])

      // The platform itself may feature any province (the home page).
      expect(
        (
          await api.post(
            "/admin/ocop/featured-lists",
            { title_vi: "Nổi bật", placement: "home", product_ids: [own, foreign] },
            fx.adminHeaders
          )
        ).status
      ).toBeLessThan(300)
    })

    it("takes only https (or http in development) in URL fields: javascript:, data: and relative URLs are a 400 naming the field", async () => {
      const producer = await activeProducer("68")
      const productId = await productOf(producer.id, "Mật ong bạc hà")
      for (const bad of [
        "javascript:alert(document.cookie)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "/static/logo.png",
        "vbscript:msgbox(1)",
      ]) {
        const me = await expectStatus(api.post("/vendor/me", { logo_url: bad }, producer.auth), 400)
        expect(me.status).toBe(400)
        expect(me.data.errors).toEqual({ logo_url: URL_MESSAGE })

        const operator = await expectStatus(
          api.post(
            "/admin/ocop/producers",
            { name: "HTX Thử", entity_type: "cooperative", province_code: "68", logo_url: bad },
            fx.adminHeaders
          ),
          400
        )
        expect(operator.data.errors).toEqual({ logo_url: URL_MESSAGE })

        const cert = await expectStatus(
          api.post(
            "/vendor/certifications",
            certificationBody(productId, { traceability_url: bad, evidence: [{ name: "Quyết định", url: bad }] }),
            producer.auth
          ),
          400
        )
        expect(cert.data.errors).toEqual({ traceability_url: URL_MESSAGE, "evidence.0.url": URL_MESSAGE })
      }
      const { data } = await api.get("/vendor/me", producer.auth)
      expect(data.producer.logo_url).toBeNull()
      expect((await api.get("/vendor/certifications", producer.auth)).data.certifications).toEqual([])

      const ok = await api.post("/vendor/me", { logo_url: "https://htx.example.vn/logo.png" }, producer.auth)
      expect(ok.data.producer.logo_url).toBe("https://htx.example.vn/logo.png")
      const dev = await api.post("/vendor/me", { logo_url: "http://localhost:9000/static/logo.png" }, producer.auth)
      expect(dev.data.producer.logo_url).toBe("http://localhost:9000/static/logo.png")
    })

    it("answers 404 to payment webhooks for Stripe when Stripe is not configured (before anything is queued)", async () => {
      const body = JSON.stringify({
        id: "evt_forged",
        object: "event",
        type: "payment_intent.succeeded",
        data: { object: { id: "pi_forged", metadata: { session_id: "payses_x" } } },
      })
      for (const provider of ["stripe_stripe", "stripe", "unknown_provider"]) {
        const res = await expectStatus(
          api.post(`/hooks/payment/${provider}`, body, {
            headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=forged" },
          }),
          404
        )
        expect(res.status).toBe(404)
        expect(res.data).toEqual({
          type: "not_found",
          code: "not_found",
          message: `No payment provider "${provider}" is configured on this shop.`,
          message_vi: "Không tìm thấy nội dung được yêu cầu.",
          message_en: `No payment provider "${provider}" is configured on this shop.`,
        })
      }
      // The provider that is configured (cash on delivery) still receives its webhooks.
      expect(
        (await api.post("/hooks/payment/system_default", body, { headers: { "content-type": "application/json" } }))
          .status
      ).toBe(200)
    })
  },
})
