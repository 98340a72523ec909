/**
 * Issue 13, second part: a producer's team (a second login works on the same shop only, can be
 * removed, cannot remove the owner, is invisible to other producers), stock that the producer sets
 * and a cart cannot exceed (decision 019), and a curator's routes answering 404 for another
 * province's certificate.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { certificationBody, expectRefusal, expectStatus, useMarketplace, unique } from "../../fixtures/marketplace"
import { actors, bearer, must } from "../security/actors"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const who = actors(api, getContainer, () => fx)

    const login = async (email: string, password: string) =>
      bearer((await api.post("/auth/producer/emailpass", { email, password })).data.token)

    it("lets a producer invite a second login that works on its shop only, and remove it again", async () => {
      const shop = await who.producerAccount("HTX Chè Cầu Đất")
      const other = await who.producerAccount("HTX Cà phê Khác")
      const email = `${unique("nv")}@ocop.test`
      const password = "NhanVien#2026"

      // Bad input names the field and creates nothing.
      const bad = await expectStatus(
        api.post("/vendor/members", { email: "không-phải-email", password }, shop.auth),
        400
      )
      expect(Object.keys(bad.data.errors)).toEqual(["email"])
      await expectStatus(api.post("/vendor/members", { email, password: "ngan" }, shop.auth), 400)
      expect((await api.get("/vendor/members", shop.auth)).data.members).toHaveLength(1)

      const invited = await expectStatus(api.post("/vendor/members", { email, password }, shop.auth), 201)
      const memberId = invited.data.member.id as string
      const team = (await api.get("/vendor/members", shop.auth)).data.members as Array<Record<string, unknown>>
      expect(team.find((m) => m.role === "member")).toMatchObject({ id: memberId, email, is_you: false })
      expect(team.find((m) => m.role === "owner")).toMatchObject({ is_you: true })
      expect(team).toHaveLength(2)
      const ownerId = team.find((m) => m.role === "owner")!.id as string

      // The member acts for the same shop: what it creates is the shop's.
      const member = await login(email, password)
      expect((await api.get("/vendor/me", member)).data.producer.id).toBe(shop.id)
      const made = await must(api.post("/vendor/products", { title: "Chè búp tím", price: 210000 }, member), "create")
      const ownList = (await api.get("/vendor/products", shop.auth)).data.products.map((p: { id: string }) => p.id)
      expect(ownList).toContain(made.data.product.id)
      await expectStatus(api.get(`/vendor/products/${made.data.product.id}`, other.auth), 404)

      // A member cannot remove the owner, nor itself.
      await expectRefusal(api.delete(`/vendor/members/${ownerId}`, member), 400, /owner cannot be removed/)
      await expectRefusal(api.delete(`/vendor/members/${memberId}`, member), 400, /login you are using/)

      // Another producer neither sees nor removes the shop's logins.
      const othersTeam = (await api.get("/vendor/members", other.auth)).data.members as Array<{ id: string }>
      expect(othersTeam.map((m) => m.id)).not.toContain(memberId)
      await expectStatus(api.delete(`/vendor/members/${memberId}`, other.auth), 404)
      await expectStatus(api.delete(`/vendor/members/${ownerId}`, other.auth), 404)
      expect((await api.get("/vendor/me", member)).data.producer.id).toBe(shop.id)
      expect((await api.get("/vendor/members", shop.auth)).data.members).toHaveLength(2)

      // The owner removes the member: its token still unexpired is refused, and a new login acts for no shop.
      await expectStatus(api.delete(`/vendor/members/${memberId}`, shop.auth), 200)
      await expectStatus(api.get("/vendor/me", member), 401)
      await expectStatus(api.post("/vendor/products", { title: "Chè lén", price: 100000 }, member), 401)
      await expectStatus(api.get("/vendor/me", await login(email, password)), 401)
      expect((await api.get("/vendor/members", shop.auth)).data.members).toHaveLength(1)
      expect((await api.get("/vendor/me", shop.auth)).data.producer.id).toBe(shop.id)

      const audit = (await who.auditOf(shop.id)).map((e: { action: string }) => e.action)
      expect(audit).toEqual(expect.arrayContaining(["add_member", "remove_member"]))
    })

    it("answers 404 to a curator deciding another province's certificate, and changes nothing", async () => {
      const producer = await who.producerAccount("HTX Nước mắm Lâm Đồng", "68")
      const { data } = await api.post("/vendor/products", { title: "Nước mắm nhĩ", price: 90000 }, producer.auth)
      const cert = await must(
        api.post("/vendor/certifications", certificationBody(data.product.id), producer.auth),
        "submit"
      )
      const haNoi = await who.curatorAccount("01")
      for (const action of ["approve", "reject", "suspend", "revoke", "reinstate"]) {
        await expectRefusal(
          api.post(`/trade-center/certifications/${cert.data.certification.id}/${action}`, { reason: "x" }, haNoi.auth),
          404,
          /was not found/
        )
      }
      await expectStatus(api.post("/trade-center/certifications/ocert_khong_co/approve", {}, haNoi.auth), 404)
      expect((await who.certification(cert.data.certification.id)).status).toBe("submitted")
    })

    it("lets a trade centre approve a producer of its province that signed up; another province's is 404", async () => {
      const email = `${unique("moi")}@ocop.test`
      const reg = await api.post("/auth/producer/emailpass/register", { email, password: "MatKhau#2026" })
      const signup = await api.post(
        "/producers/signup",
        { name: "HTX Rau Đà Lạt mới", entity_type: "cooperative", province_code: "68", phone: "0987654321" },
        bearer(reg.data.token)
      )
      const producerId = signup.data.producer.id as string
      const lamDong = await who.curatorAccount("68")
      const haNoi = await who.curatorAccount("01")
      const pending = await api.get("/trade-center/producers?status=pending", lamDong.auth)
      expect(pending.data.producers.map((p: { id: string }) => p.id)).toContain(producerId)
      const elsewhere = await api.get("/trade-center/producers?status=pending", haNoi.auth)
      expect(elsewhere.data.producers.map((p: { id: string }) => p.id)).not.toContain(producerId)
      const badQuery = await expectStatus(api.get("/trade-center/producers?status=ok", lamDong.auth), 400)
      expect(Object.keys(badQuery.data.errors)).toEqual(["status"])

      await expectStatus(api.post(`/trade-center/producers/${producerId}/approve`, {}, haNoi.auth), 404)
      await expectStatus(api.post(`/trade-center/producers/${producerId}/approve`, {}, fx.storeHeaders), 401)
      const still = await api.get(`/admin/ocop/producers/${producerId}`, fx.adminHeaders)
      expect(still.data.producer.status).toBe("pending")
      const approved = await expectStatus(
        api.post(`/trade-center/producers/${producerId}/approve`, {}, lamDong.auth),
        200
      )
      expect(approved.data.producer.status).toBe("active")
      const audit = await who.auditOf(producerId)
      expect(audit.find((e: { action: string }) => e.action === "approve")).toMatchObject({
        actor_type: "curator",
        actor_id: lamDong.tradeCenterId,
      })
    })

    it("keeps the stock a producer sets, refuses a cart more than is left, and takes an order off it", async () => {
      const shop = await who.producerAccount("HTX Mật ong Bảo Lộc")
      const bad = await expectStatus(
        api.post("/vendor/products", { title: "Mật ong", price: 100000, stock: -1 }, shop.auth),
        400
      )
      expect(Object.keys(bad.data.errors)).toEqual(["stock"])
      const notWhole = await expectStatus(
        api.post("/vendor/products", { title: "Mật ong", price: 100000, stock: 1.5 }, shop.auth),
        400
      )
      expect(Object.keys(notWhole.data.errors)).toEqual(["stock"])
      expect((await api.get("/vendor/products", shop.auth)).data.products).toHaveLength(0)

      const { data } = await must(
        api.post(
          "/vendor/products",
          { title: "Mật ong hoa cà phê", title_en: "Coffee blossom honey", price: 180000, stock: 3 },
          shop.auth
        ),
        "create with stock"
      )
      const productId = data.product.id as string
      const cert = await must(
        api.post("/vendor/certifications", certificationBody(productId), shop.auth),
        "submit certification"
      )
      await must(
        api.post(`/admin/ocop/certifications/${cert.data.certification.id}/approve`, {}, fx.adminHeaders),
        "approve"
      )
      await must(api.post(`/vendor/products/${productId}`, { status: "published" }, shop.auth), "publish")
      const detail = (await api.get(`/vendor/products/${productId}`, shop.auth)).data.product
      const variantId = detail.variants[0].id as string
      expect(detail.variants[0].stock).toEqual({ tracked: true, stocked: 3, reserved: 0, available: 3 })
      const shown = await api.get(`/store/products/${productId}?fields=+variants.inventory_quantity`, fx.storeHeaders)
      expect(shown.data.product.variants[0].inventory_quantity).toBe(3)

      // The English title is in Medusa's Translation Module: the store shows it to English pages (decision 014).
      const english = { headers: { ...fx.storeHeaders.headers, "x-medusa-locale": "en-US" } }
      expect((await api.get(`/store/products/${productId}`, english)).data.product.title).toBe("Coffee blossom honey")
      expect((await api.get(`/store/products/${productId}`, fx.storeHeaders)).data.product.title).toBe(
        "Mật ong hoa cà phê"
      )
      await must(api.post(`/vendor/products/${productId}`, { title_en: "Bảo Lộc coffee honey" }, shop.auth), "rename")
      expect((await api.get(`/store/products/${productId}`, english)).data.product.title).toBe("Bảo Lộc coffee honey")
      await must(api.post(`/vendor/products/${productId}`, { title_en: null }, shop.auth), "clear English")
      expect((await api.get(`/store/products/${productId}`, english)).data.product.title).toBe("Mật ong hoa cà phê")

      // More than is left: a 400 in both languages with the figure; nothing is added.
      const { data: created } = await api.post("/store/carts", { region_id: fx.regionId }, fx.storeHeaders)
      const cartId = created.cart.id as string
      const tooMany = await expectRefusal(
        api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 4 }, fx.storeHeaders),
        400,
        /Only 3 of “Mật ong hoa cà phê” left/
      )
      expect(tooMany.data.code).toBe("insufficient_stock")
      expect(tooMany.data.message_vi).toMatch(/Chỉ còn 3 sản phẩm/)
      await expectStatus(
        api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 2 }, fx.storeHeaders),
        200
      )
      await expectRefusal(
        api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 2 }, fx.storeHeaders),
        400,
        /your cart already holds 2/
      )
      const cart = (await api.get(`/store/carts/${cartId}`, fx.storeHeaders)).data.cart
      expect(cart.items.map((i: { quantity: number }) => i.quantity)).toEqual([2])
      await expectRefusal(
        api.post(`/store/carts/${cartId}/line-items/${cart.items[0].id}`, { quantity: 5 }, fx.storeHeaders),
        400,
        /Only 3 of/
      )

      // An order takes its units off what can still be sold.
      await who.placeOrder([{ variantId, quantity: 2 }])
      const after = (await api.get(`/vendor/products/${productId}`, shop.auth)).data.product.variants[0].stock
      expect(after).toEqual({ tracked: true, stocked: 3, reserved: 2, available: 1 })
      const sold = await api.get(`/store/products/${productId}?fields=+variants.inventory_quantity`, fx.storeHeaders)
      expect(sold.data.product.variants[0].inventory_quantity).toBe(1)

      // The producer restocks; a product made without a stock figure is not tracked and stays purchasable.
      await must(api.post(`/vendor/products/${productId}`, { stock: 10 }, shop.auth), "restock")
      const restocked = (await api.get(`/vendor/products/${productId}`, shop.auth)).data.product.variants[0].stock
      expect(restocked).toEqual({ tracked: true, stocked: 10, reserved: 2, available: 8 })
      const legacy = await who.listedVendorProduct(shop, "Mật ong rừng (chưa có tồn kho)")
      const legacyStock = (await api.get(`/vendor/products/${legacy.id}`, shop.auth)).data.product.variants[0].stock
      expect(legacyStock).toEqual({ tracked: false, stocked: 0, reserved: 0, available: null })
      await who.placeOrder([{ variantId: legacy.variantId, quantity: 50 }])

      // Setting a figure on such a product starts tracking it (Medusa makes its inventory item).
      await must(api.post(`/vendor/products/${legacy.id}`, { stock: 4 }, shop.auth), "first stock figure")
      const tracked = (await api.get(`/vendor/products/${legacy.id}`, shop.auth)).data.product.variants[0].stock
      expect(tracked).toEqual({ tracked: true, stocked: 4, reserved: 0, available: 4 })
    })
  },
})
