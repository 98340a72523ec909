import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  certificationBody,
  eventually,
  expectRefusal,
  expectStatus,
  listedProductIds,
  useMarketplace,
} from "../../fixtures/marketplace"
import { actors } from "../security/actors"

/** Medusa's answer when a token of the wrong actor (or none) reaches a route. */
const UNAUTHORIZED = /^Unauthorized$/

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)

    // The same people as the security suite: producers signed up and approved, curators of a centre.
    const who = actors(api, getContainer, () => fx)
    const producerAccount = who.producerAccount
    const curatorAccount = async (province_code: string) => (await who.curatorAccount(province_code)).auth

    it("lets a producer manage only its own products and certifications", async () => {
      const a = await producerAccount("HTX Chè Shan Tuyết Suối Giàng")
      const b = await producerAccount("HTX Mật ong Bạc Hà")
      const made = await api.post(
        "/vendor/products",
        { title: "Chè Shan tuyết cổ thụ", price: 350000, unit: "hộp 200g" },
        a.auth
      )
      const productA = made.data.product.id
      await api.post("/vendor/products", { title: "Mật ong bạc hà", price: 280000 }, b.auth)

      const listA = await api.get("/vendor/products", a.auth)
      expect(listA.data.products.map((p: any) => p.id)).toEqual([productA])
      const listB = await api.get("/vendor/products", b.auth)
      expect(listB.data.products.map((p: any) => p.id)).not.toContain(productA)

      // B cannot read, change or certify A's product — it does not even learn that it exists.
      const notFound = `Product ${productA} was not found.`
      await expectRefusal(api.get(`/vendor/products/${productA}`, b.auth), 404, notFound)
      await expectRefusal(api.post(`/vendor/products/${productA}`, { title: "Đổi tên" }, b.auth), 404, notFound)
      await expectRefusal(api.post("/vendor/certifications", certificationBody(productA), b.auth), 404, notFound)
      const still = await api.get(`/vendor/products/${productA}`, a.auth)
      expect(still.data.product.title).toBe("Chè Shan tuyết cổ thụ")
      // The producer sees why its product is not on sale (the gate's verdict, via the read-only link).
      expect(still.data.product.product_listing.listed).toBe(false)
      expect(still.data.product.product_listing.blocked_reasons).toContain("no_approved_certification")

      // Publishing an uncertified product is refused with the reason.
      await expectRefusal(
        api.post(`/vendor/products/${productA}`, { status: "published" }, a.auth),
        400,
        /no approved 3–5★ OCOP certification/
      )
      expect((await api.get(`/vendor/products/${productA}`, a.auth)).data.product.status).not.toBe("published")

      // Tokens of one actor are refused on the other actor's routes.
      await expectRefusal(api.get("/admin/ocop/producers", a.auth), 401, UNAUTHORIZED)
      await expectRefusal(api.get("/vendor/products", fx.adminHeaders), 401, UNAUTHORIZED)
      await expectRefusal(api.get("/vendor/products"), 401, UNAUTHORIZED)

      // Bad input from the portal is a field-level 400, not a 500.
      const bad = await expectRefusal(
        api.post("/vendor/products", { title: "", price: 12.5 }, a.auth),
        400,
        /^Invalid request: .*(title|price): .*(title|price): /
      )
      expect(Object.keys(bad.data.errors).sort()).toEqual(["price", "title"])
    })

    it("lets a curator decide only for its own province, and the product is listed after its approval", async () => {
      const producer = await producerAccount("HTX Cà phê Cầu Đất", "68")
      const made = await api.post("/vendor/products", { title: "Cà phê Arabica Cầu Đất", price: 250000 }, producer.auth)
      const productId = made.data.product.id
      const submitted = await api.post(
        "/vendor/certifications",
        certificationBody(productId, { province_code: "68" }),
        producer.auth
      )
      const certId = submitted.data.certification.id

      const lamDong = await curatorAccount("68")
      const haNoi = await curatorAccount("01")

      const haNoiList = await api.get("/trade-center/certifications?status=submitted", haNoi)
      expect(haNoiList.data.certifications.map((c: any) => c.id)).not.toContain(certId)
      await expectRefusal(api.post(`/trade-center/certifications/${certId}/approve`, {}, haNoi), 404, /was not found/)
      expect((await api.get(`/admin/ocop/certifications/${certId}`, fx.adminHeaders)).data.certification.status).toBe(
        "submitted"
      )

      const lamDongList = await api.get("/trade-center/certifications?status=submitted", lamDong)
      expect(lamDongList.data.certifications.map((c: any) => c.id)).toContain(certId)
      const mine = lamDongList.data.certifications.find((c: any) => c.id === certId)
      expect(mine.product.title).toBe("Cà phê Arabica Cầu Đất")
      expect(mine.producer.name).toMatch(/HTX Cà phê Cầu Đất/)
      await api.post(`/trade-center/certifications/${certId}/approve`, {}, lamDong)

      await api.post(`/vendor/products/${productId}`, { status: "published" }, producer.auth)
      // Publishing reaches the marketplace channel through the product.updated subscriber.
      await eventually(async () => expect((await listedProductIds(api, fx)).has(productId)).toBe(true), {
        what: "the approved, published product to be listed in the store",
      })
      const stats = await api.get("/trade-center/stats", lamDong)
      expect(stats.data.by_stars["4"]).toBe(1)
      const csv = await api.get("/trade-center/certifications/export", lamDong)
      expect(csv.headers["content-type"]).toMatch(/text\/csv/)
      const lines = String(csv.data).trim().split("\r\n")
      expect(lines).toHaveLength(2)
      expect(lines[1]).toContain("HTX Cà phê Cầu Đất")
      const haNoiCsv = String((await api.get("/trade-center/certifications/export", haNoi)).data)
        .trim()
        .split("\r\n")
      expect(haNoiCsv).toHaveLength(1)

      // A curator token does not open producer or admin routes.
      await expectRefusal(api.get("/vendor/products", lamDong), 401, UNAUTHORIZED)
      await expectRefusal(api.get("/admin/ocop/certifications", lamDong), 401, UNAUTHORIZED)
    })

    async function listedVendorProduct(producer: { auth: any }, title: string, price: number) {
      const { data } = await api.post("/vendor/products", { title, price }, producer.auth)
      const cert = await api.post("/vendor/certifications", certificationBody(data.product.id), producer.auth)
      await api.post(`/admin/ocop/certifications/${cert.data.certification.id}/approve`, {}, fx.adminHeaders)
      await api.post(`/vendor/products/${data.product.id}`, { status: "published" }, producer.auth)
      const detail = await api.get(`/vendor/products/${data.product.id}`, producer.auth)
      expect(detail.data.product.certifications.map((c: any) => c.status)).toEqual(["approved"])
      return { id: data.product.id as string, variantId: detail.data.product.variants[0].id as string }
    }

    it("splits an order across producers: each sees and fulfils only its own lines", async () => {
      const a = await producerAccount("HTX Gạo ST25")
      const b = await producerAccount("HTX Bưởi Năm Roi")
      const c = await producerAccount("HTX Không Liên Quan")
      const rice = await listedVendorProduct(a, "Gạo ST25 túi 5kg", 200000)
      const pomelo = await listedVendorProduct(b, "Bưởi Năm Roi", 90000)

      const cartId = await who.addressedCart(
        [
          { variantId: rice.variantId, quantity: 2 },
          { variantId: pomelo.variantId, quantity: 3 },
        ],
        fx.storeHeaders,
        "khach@ocop.test"
      )
      // Each producer ships its own parcel: one delivery option (one fee) per producer (decision 007).
      const options = await api.get(`/store/shipping-options?cart_id=${cartId}`, fx.storeHeaders)
      const listed: Array<{ id: string; type?: { code?: string } }> = options.data.shipping_options
      const standard = listed.filter((o) => o.type?.code === "standard")
      expect(standard).toHaveLength(2)
      for (const option of standard)
        await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, fx.storeHeaders)
      await who.payByCashOnDelivery(cartId)
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, fx.storeHeaders)
      expect(completed.data.type).toBe("order")
      const orderId = completed.data.order.id

      // The order.placed subscriber splits the order (asynchronously).
      const ordersA: any[] = await eventually(
        async () => {
          const { orders } = (await api.get("/vendor/orders", a.auth)).data
          expect(orders.map((o: any) => o.id)).toEqual([orderId])
          return orders
        },
        { what: "producer A to see its share of the new order" }
      )
      expect(ordersA[0].items.map((i: any) => i.title)).toEqual(["Gạo ST25 túi 5kg"])
      expect(ordersA[0].subtotal).toBe(400000)
      const ordersB = (await api.get("/vendor/orders", b.auth)).data.orders
      expect(ordersB[0].items.map((i: any) => i.title)).toEqual(["Bưởi Năm Roi"])
      expect(ordersB[0].subtotal).toBe(270000)
      // ... each with its own delivery fee, recorded when the order was split.
      await eventually(
        async () => {
          for (const who of [a, b]) {
            const { order } = (await api.get(`/vendor/orders/${orderId}`, who.auth)).data
            expect(order.shipping_total).toBe(30000)
          }
        },
        { what: "each producer's part to carry its own delivery fee" }
      )
      expect((await api.get("/vendor/orders", c.auth)).data.orders).toEqual([])
      await expectRefusal(api.get(`/vendor/orders/${orderId}`, c.auth), 404, `Order ${orderId} was not found.`)

      // A cannot fulfil B's line; A fulfils its own.
      const bLine = ordersB[0].items[0].id
      await expectRefusal(
        api.post(`/vendor/orders/${orderId}/fulfillments`, { item_ids: [bLine] }, a.auth),
        400,
        "Some of these items are not part of your share of this order."
      )
      expect((await api.get(`/vendor/orders/${orderId}`, b.auth)).data.order.fulfillments).toHaveLength(0)
      await expectStatus(api.post(`/vendor/orders/${orderId}/fulfillments`, {}, a.auth), 201)
      const afterA = (await api.get(`/vendor/orders/${orderId}`, a.auth)).data.order
      expect(afterA.fulfillments).toHaveLength(1)
      const afterB = (await api.get(`/vendor/orders/${orderId}`, b.auth)).data.order
      expect(afterB.fulfillments).toHaveLength(0)
    })

    it("lets a curator feature listed products of its province (never unlisted ones), and the platform curate the home page", async () => {
      const producer = await producerAccount("HTX Dâu tây Đà Lạt", "68")
      const shown = await listedVendorProduct(producer, "Dâu tây Đà Lạt", 120000)
      const hidden = (
        await api.post("/vendor/products", { title: "Mứt dâu chưa chứng nhận", price: 80000 }, producer.auth)
      ).data.product.id
      const lamDong = await curatorAccount("68")
      const haNoi = await curatorAccount("01")

      const created = await api.post(
        "/trade-center/featured-lists",
        {
          title_vi: "Đặc sản Lâm Đồng",
          title_en: "Lâm Đồng specialties",
          placement: "province",
          product_ids: [hidden, shown.id],
        },
        lamDong
      )
      const listId = created.data.featured_list.id
      expect(created.data.featured_list.province_code).toBe("68")
      const home = await expectRefusal(
        api.post(
          "/trade-center/featured-lists",
          { title_vi: "Trang chủ", placement: "home", product_ids: [shown.id] },
          lamDong
        ),
        400,
        /^Invalid request: placement: /
      )
      expect(home.data.errors.placement).toMatch(/platform/)
      await expectRefusal(
        api.post(
          `/trade-center/featured-lists/${listId}`,
          { title_vi: "Chiếm quyền", placement: "province", product_ids: [shown.id] },
          haNoi
        ),
        404,
        `Featured list ${listId} was not found.`
      )
      const past = {
        title_vi: "Hội chợ đã qua",
        placement: "campaign",
        product_ids: [shown.id],
        starts_at: "2025-01-01",
        ends_at: "2025-01-10",
      }
      await api.post("/trade-center/featured-lists", past, lamDong)

      const province = (
        await api.get("/store/ocop/featured-lists?placement=province&province=lam-dong", fx.storeHeaders)
      ).data
      expect(province.featured_lists).toHaveLength(1)
      expect(province.featured_lists[0].title_vi).toBe("Đặc sản Lâm Đồng") // the other province's attempt changed nothing
      expect(province.featured_lists[0].products.map((p: any) => p.id)).toEqual([shown.id])
      expect(province.featured_lists[0].products[0].ocop.province.slug).toBe("lam-dong")
      expect(
        (await api.get("/store/ocop/featured-lists?placement=campaign&province=68", fx.storeHeaders)).data
          .featured_lists
      ).toEqual([])

      await api.post(
        "/admin/ocop/featured-lists",
        { title_vi: "Sản phẩm nổi bật", placement: "home", product_ids: [shown.id] },
        fx.adminHeaders
      )
      const homeLists = (await api.get("/store/ocop/featured-lists", fx.storeHeaders)).data.featured_lists
      expect(homeLists.map((l: any) => l.title_vi)).toEqual(["Sản phẩm nổi bật"])
      const bad = await expectRefusal(
        api.post("/admin/ocop/featured-lists", { title_vi: "", placement: "stall", product_ids: [] }, fx.adminHeaders),
        400,
        /^Invalid request: /
      )
      expect(Object.keys(bad.data.errors).sort()).toEqual(["placement", "product_ids", "title_vi"])
    })
  },
})
