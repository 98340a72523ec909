/**
 * Cross-tenant attempts: producer A on producer B's products, orders, certifications and shop;
 * the curator of province 68 on province 01's certifications and featured lists; customer A on
 * customer B's cart, order and addresses; every actor's token on the others' routes. Each attempt
 * asserts its status AND that the target did not change (read back through the owner or the
 * database). Prints the number of attempts and of failures.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { useMarketplace, unique } from "../../fixtures/marketplace"
import { actors, attempt, withHeaders } from "./actors"

type Attempt = { name: string; status: number; expected: number[]; unchanged: boolean }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const who = actors(api, getContainer, () => fx)
    const attempts: Attempt[] = []

    /** One attempt: the request, the statuses that mean "refused", and a check that nothing moved. */
    // The request is a function so it starts only after the caller's "before" snapshot was read
    // (and its rejection is never left unhandled while the snapshot runs).
    async function tryAs(
      name: string,
      request: () => Promise<any>,
      expected: number[],
      unchanged: () => Promise<boolean>
    ) {
      const outcome = await attempt(request())
      const record = { name, status: outcome.status, expected, unchanged: await unchanged() }
      attempts.push(record)
      expect(expected, `${name}: answered ${outcome.status} ${JSON.stringify(outcome.data).slice(0, 300)}`).toContain(
        outcome.status
      )
      expect(record.unchanged, `${name}: the target changed`).toBe(true)
      return outcome
    }

    const snapshot = async (read: () => Promise<unknown>) => {
      const before = JSON.stringify(await read())
      return async () => JSON.stringify(await read()) === before
    }

    /** Several attempts on one target, in turn: each answered one of `expected`, the target unchanged after each. */
    async function tryAllOn(
      target: () => Promise<unknown>,
      expected: number[],
      requests: Array<[name: string, request: () => Promise<unknown>]>
    ) {
      for (const [name, request] of requests) await tryAs(name, request, expected, await snapshot(target))
    }

    afterAll(() => {
      const failures = attempts.filter((a) => !a.expected.includes(a.status) || !a.unchanged)
      console.log(
        `[cross-tenant] ${attempts.length} attempts, ${failures.length} failures${failures.length ? ": " + JSON.stringify(failures) : ""}`
      )
    })

    it("producer A cannot read or change producer B's products, certifications, orders or shop", async () => {
      const a = await who.producerAccount("HTX Chè Shan Tuyết Suối Giàng")
      const b = await who.producerAccount("HTX Mật ong Bạc Hà")
      const listed = await who.listedVendorProduct(b, "Mật ong hoa bạc hà", 280000)
      const { productId: draft, certificationId: pending } = await who.submittedVendorProduct(
        b,
        { title: "Sáp ong nguyên chất", price: 90000 },
        { stars: 3, score: 60, issuing_authority: "UBND tỉnh Lâm Đồng", province_code: "68" }
      )
      const mine = await who.listedVendorProduct(a, "Chè Shan tuyết cổ thụ", 350000)

      const bProduct = (id: string) => async () => (await api.get(`/vendor/products/${id}`, b.auth)).data.product
      const productOf = (id: string) => async () => {
        const p = await bProduct(id)()
        return {
          title: p.title,
          status: p.status,
          price: p.variants?.[0]?.prices?.map((x: any) => x.amount),
          listed: p.product_listing?.listed,
        }
      }
      const bCerts = async () =>
        (await api.get("/vendor/certifications", b.auth)).data.certifications.map((c: any) => [
          c.id,
          c.status,
          c.province_code,
        ])

      await tryAllOn(
        productOf(listed.id),
        [404],
        [
          ["A reads B's product", () => api.get(`/vendor/products/${listed.id}`, a.auth)],
          ["A renames B's product", () => api.post(`/vendor/products/${listed.id}`, { title: "Chiếm quyền" }, a.auth)],
          ["A reprices B's product", () => api.post(`/vendor/products/${listed.id}`, { price: 1000 }, a.auth)],
          ["A unpublishes B's product", () => api.post(`/vendor/products/${listed.id}`, { status: "draft" }, a.auth)],
        ]
      )
      await tryAs(
        "A publishes B's draft",
        () => api.post(`/vendor/products/${draft}`, { status: "published" }, a.auth),
        [404],
        await snapshot(productOf(draft))
      )
      await tryAs(
        "A certifies B's product",
        () =>
          api.post(
            "/vendor/certifications",
            {
              product_id: listed.id,
              stars: 5,
              score: 95,
              group_slug: "thuc-pham",
              certificate_number: unique("CN"),
              issuing_authority: "Bộ NN&MT",
              province_code: "68",
            },
            a.auth
          ),
        [404],
        await snapshot(bCerts)
      )
      await tryAs(
        "A lists products",
        () => api.get("/vendor/products", a.auth),
        [200],
        async () => {
          const ids = (await api.get("/vendor/products", a.auth)).data.products.map((p: any) => p.id)
          return ids.includes(mine.id) && !ids.includes(listed.id) && !ids.includes(draft)
        }
      )
      await tryAs(
        "A lists certifications",
        () => api.get("/vendor/certifications", a.auth),
        [200],
        async () => {
          const ids = (await api.get("/vendor/certifications", a.auth)).data.certifications.map((c: any) => c.id)
          return !ids.includes(pending) && !ids.includes(listed.certificationId)
        }
      )
      await tryAllOn(
        bCerts,
        [401],
        [
          [
            "A's producer token approves B's certification (admin route)",
            () => api.post(`/admin/ocop/certifications/${pending}/approve`, {}, a.auth),
          ],
          [
            "A's producer token approves B's certification (trade-centre route)",
            () => api.post(`/trade-center/certifications/${pending}/approve`, {}, a.auth),
          ],
        ]
      )
      await tryAs(
        "A's producer token edits B's product through the Admin API",
        () => api.post(`/admin/products/${listed.id}`, { title: "Qua cửa admin" }, a.auth),
        [401],
        await snapshot(productOf(listed.id))
      )
      await tryAs(
        "A's producer token reads all orders",
        () => api.get("/admin/orders", a.auth),
        [401],
        async () => true
      )
      const bShop = async () => (await api.get("/vendor/me", b.auth)).data.producer
      await tryAs(
        "A edits its shop naming B's id",
        () => api.post("/vendor/me", { id: b.id, name: "Đổi tên B" }, a.auth),
        [400],
        await snapshot(bShop)
      )
      await tryAs(
        "A moves its shop to another province",
        () => api.post("/vendor/me", { province_code: "01" }, a.auth),
        [400],
        await snapshot(async () => (await api.get("/vendor/me", a.auth)).data.producer)
      )
      await tryAs(
        "A sets its shop active",
        () => api.post("/vendor/me", { status: "active" }, a.auth),
        [400],
        await snapshot(bShop)
      )

      // Orders: one of B alone, one shared by A and B.
      const onlyB = await who.placeOrder([{ variantId: listed.variantId, quantity: 1 }])
      const shared = await who.placeOrder([
        { variantId: listed.variantId, quantity: 2 },
        { variantId: mine.variantId, quantity: 1 },
      ])
      const bOrder = await who.orderSeenBy(b, onlyB.orderId)
      const sharedForB = await who.orderSeenBy(b, shared.orderId)
      await who.orderSeenBy(a, shared.orderId)
      const bFulfilments = (orderId: string) => async () =>
        (await api.get(`/vendor/orders/${orderId}`, b.auth)).data.order.fulfillments

      await tryAllOn(
        bFulfilments(onlyB.orderId),
        [404],
        [
          ["A reads B's order", () => api.get(`/vendor/orders/${onlyB.orderId}`, a.auth)],
          ["A ships B's order", () => api.post(`/vendor/orders/${onlyB.orderId}/fulfillments`, {}, a.auth)],
        ]
      )
      await tryAs(
        "A ships B's line of a shared order",
        () => api.post(`/vendor/orders/${shared.orderId}/fulfillments`, { item_ids: [sharedForB.items[0].id] }, a.auth),
        [400],
        await snapshot(bFulfilments(shared.orderId))
      )
      await tryAs(
        "A lists orders",
        () => api.get("/vendor/orders", a.auth),
        [200],
        async () => {
          const orders = (await api.get("/vendor/orders", a.auth)).data.orders
          const sharedForA = orders.find((o: any) => o.id === shared.orderId)
          return (
            !orders.some((o: any) => o.id === onlyB.orderId) &&
            sharedForA?.items.every((i: any) => i.product_id === mine.id)
          )
        }
      )
      await tryAs(
        "A reads the shared order",
        () => api.get(`/vendor/orders/${shared.orderId}`, a.auth),
        [200],
        async () => {
          const order = (await api.get(`/vendor/orders/${shared.orderId}`, a.auth)).data.order
          return order.items.length === 1 && order.items[0].product_id === mine.id && order.subtotal === 350000
        }
      )

      // B ships with an Idempotency-Key; A replaying that key on the shared order ships A's own part, never B's.
      const key = { "Idempotency-Key": `ship-${unique("k")}` }
      const bShipped = await api.post(`/vendor/orders/${shared.orderId}/fulfillments`, {}, withHeaders(b.auth, key))
      const aShipped = await tryAs(
        "A replays B's Idempotency-Key",
        () => api.post(`/vendor/orders/${shared.orderId}/fulfillments`, {}, withHeaders(a.auth, key)),
        [201],
        await snapshot(bFulfilments(shared.orderId))
      )
      expect(aShipped.data.fulfillment.id).not.toBe(bShipped.data.fulfillment.id)
      expect(aShipped.headers?.["idempotent-replayed"]).toBeUndefined()
      expect(bOrder.fulfillments).toEqual([])
    })

    it("the curator of province 68 cannot decide or curate for province 01", async () => {
      const lamDong = await who.curatorAccount("68")
      const haNoi = await who.curatorAccount("01")
      const hanoiProducer = await who.producerAccount("HTX Gốm Bát Tràng", "01")
      const lamDongProducer = await who.producerAccount("HTX Dâu tây Đà Lạt", "68")
      const certOf = async (title: string, approve = false) => {
        const filed = await who.submittedVendorProduct(
          hanoiProducer,
          { title, price: 200000 },
          { stars: 4, score: 80, issuing_authority: "UBND TP Hà Nội", province_code: "01" }
        )
        if (approve) await api.post(`/trade-center/certifications/${filed.certificationId}/approve`, {}, haNoi.auth)
        return filed
      }
      const submittedY = await certOf("Chè sen Tây Hồ")
      const approvedY = await certOf("Bánh cốm Vòng", true)
      const suspendedY = await certOf("Ô mai Hàng Đường", true)
      await api.post(
        `/trade-center/certifications/${suspendedY.certificationId}/suspend`,
        { reason: "Kiểm tra" },
        haNoi.auth
      )
      const state = (id: string) => async () => {
        const c = await who.certification(id)
        return { status: c.status, decided_at: c.decided_at, audit: (await who.auditOf(id)).length }
      }
      expect((await who.certification(submittedY.certificationId)).province_code).toBe("01")

      for (const [action, target, body] of [
        ["approve", submittedY, {}],
        ["reject", submittedY, { reason: "Không đạt" }],
        ["suspend", approvedY, { reason: "Tạm dừng" }],
        ["revoke", approvedY, { reason: "Thu hồi" }],
        ["reinstate", suspendedY, {}],
      ] as const) {
        await tryAs(
          `curator 68 ${action}s a certification of 01`,
          () => api.post(`/trade-center/certifications/${target.certificationId}/${action}`, body, lamDong.auth),
          [404],
          await snapshot(state(target.certificationId))
        )
      }
      await tryAs(
        "curator 68 lists certifications",
        () => api.get("/trade-center/certifications?limit=100", lamDong.auth),
        [200],
        async () => {
          const ids = (await api.get("/trade-center/certifications?limit=100", lamDong.auth)).data.certifications.map(
            (c: any) => c.id
          )
          return ![submittedY, approvedY, suspendedY].some((c) => ids.includes(c.certificationId))
        }
      )
      await tryAs(
        "curator 68 asks for province 01 in the query",
        () => api.get("/trade-center/certifications?province_code=01&limit=100", lamDong.auth),
        [200, 400],
        async () => {
          const res = await attempt(api.get("/trade-center/certifications?province_code=01&limit=100", lamDong.auth))
          return res.status === 400 || !res.data.certifications.some((c: any) => c.province_code === "01")
        }
      )
      await tryAs(
        "curator 68 exports certifications",
        () => api.get("/trade-center/certifications/export", lamDong.auth),
        [200],
        async () => {
          const csv = String((await api.get("/trade-center/certifications/export", lamDong.auth)).data)
          return !csv.includes("Chè sen Tây Hồ") && !csv.includes("Bánh cốm Vòng")
        }
      )
      await tryAs(
        "curator 68 reads province figures",
        () => api.get("/trade-center/stats", lamDong.auth),
        [200],
        async () => {
          const stats = (await api.get("/trade-center/stats", lamDong.auth)).data
          return !JSON.stringify(stats).includes(hanoiProducer.id) && (stats.by_stars?.["4"] ?? 0) === 0
        }
      )

      // Featured lists: 01's list, and 01's products in a 68 list.
      const listY = (
        await api.post(
          "/trade-center/featured-lists",
          { title_vi: "Đặc sản Hà Nội", placement: "province", product_ids: [approvedY.productId] },
          haNoi.auth
        )
      ).data.featured_list.id as string
      const lists = getContainer().resolve("ocop") as any
      const listState = async () => (await lists.listFeaturedLists({ id: listY }))[0]
      await tryAs(
        "curator 68 rewrites the featured list of 01",
        () =>
          api.post(
            `/trade-center/featured-lists/${listY}`,
            { title_vi: "Chiếm quyền", placement: "province", product_ids: [approvedY.productId] },
            lamDong.auth
          ),
        [404],
        await snapshot(async () => {
          const l = await listState()
          return [l.title_vi, l.province_code, l.product_ids, l.trade_center_id]
        })
      )
      const provinceLists = async () =>
        (await lists.listFeaturedLists({ province_code: "68" })).map((l: any) => [l.id, l.product_ids])
      await tryAs(
        "curator 68 features a product of 01",
        () =>
          api.post(
            "/trade-center/featured-lists",
            { title_vi: "Đặc sản mượn", placement: "province", product_ids: [approvedY.productId] },
            lamDong.auth
          ),
        [403],
        await snapshot(provinceLists)
      )
      await tryAs(
        "curator 68 curates the home page",
        () =>
          api.post(
            "/trade-center/featured-lists",
            { title_vi: "Trang chủ", placement: "home", product_ids: [approvedY.productId] },
            lamDong.auth
          ),
        [400],
        await snapshot(async () => (await lists.listFeaturedLists({ placement: "home" })).length)
      )
      // Naming province 01 for a list of its own products: the list stays in 68, 01's lists do not change.
      const lamDongProduct = await who.listedVendorProduct(lamDongProducer, "Dâu tây Đà Lạt sấy dẻo")
      const filed = await tryAs(
        "curator 68 files a list under province 01",
        () =>
          api.post(
            "/trade-center/featured-lists",
            {
              title_vi: "Danh sách lạc tỉnh",
              placement: "province",
              province_code: "01",
              product_ids: [lamDongProduct.id],
            },
            lamDong.auth
          ),
        [201, 400],
        await snapshot(async () =>
          (await lists.listFeaturedLists({ province_code: "01" })).map((l: any) => [l.id, l.product_ids])
        )
      )
      if (filed.status === 201) expect(filed.data.featured_list.province_code).toBe("68")

      // A curator's token on other actors' routes.
      await tryAs(
        "curator token on producer routes",
        () => api.get("/vendor/products", lamDong.auth),
        [401],
        async () => true
      )
      await tryAs(
        "curator token on admin decisions",
        () => api.post(`/admin/ocop/certifications/${submittedY.certificationId}/approve`, {}, lamDong.auth),
        [401],
        await snapshot(state(submittedY.certificationId))
      )
      await tryAs(
        "curator token creates a trade centre",
        () => api.post("/admin/ocop/trade-centers", { name: "Trung tâm giả", province_code: "01" }, lamDong.auth),
        [401],
        async () => true
      )
    })

    it("customer A cannot reach customer B's orders, addresses or cart through A's own login", async () => {
      const producer = await who.producerAccount("HTX Gạo ST25")
      const rice = await who.listedVendorProduct(producer, "Gạo ST25 túi 5kg", 200000)
      const a = await who.customerAccount("An")
      const b = await who.customerAccount("Bình")
      const bOrder = await who.placeOrder([{ variantId: rice.variantId, quantity: 1 }], b.auth, b.email)
      const bCart = await who.readyCart([{ variantId: rice.variantId, quantity: 2 }], b.auth, b.email)
      const address = await api.post(
        "/store/customers/me/addresses",
        {
          first_name: "Bình",
          address_1: "1 Hàng Bông",
          city: "Phường Hoàn Kiếm",
          country_code: "vn",
          phone: "0912345678",
        },
        b.auth
      )
      const addressId = address.data.customer.addresses[0].id as string
      const bAddresses = async () =>
        (await api.get("/store/customers/me/addresses", b.auth)).data.addresses.map((x: any) => [x.id, x.address_1])
      const cartState = async () => {
        const c = (await api.get(`/store/carts/${bCart}`, b.auth)).data.cart
        return [c.customer_id, c.email, c.items.map((i: any) => [i.variant_id, i.quantity])]
      }
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const orderState = async () => {
        const { data } = await query.graph({
          entity: "order",
          fields: ["id", "customer_id", "email", "status"],
          filters: { id: bOrder.orderId },
        })
        const { data: changes } = await query.graph({
          entity: "order_change",
          fields: ["id"],
          filters: { order_id: bOrder.orderId },
        })
        return [data[0], changes.length]
      }

      await tryAs(
        "A lists orders",
        () => api.get("/store/orders", a.auth),
        [200],
        async () => !(await api.get("/store/orders", a.auth)).data.orders.some((o: any) => o.id === bOrder.orderId)
      )
      await tryAllOn(
        bAddresses,
        [404],
        [
          ["A reads B's address", () => api.get(`/store/customers/me/addresses/${addressId}`, a.auth)],
          [
            "A edits B's address",
            () => api.post(`/store/customers/me/addresses/${addressId}`, { address_1: "Địa chỉ giả" }, a.auth),
          ],
          ["A deletes B's address", () => api.delete(`/store/customers/me/addresses/${addressId}`, a.auth)],
        ]
      )
      await tryAs(
        "A takes over B's cart",
        () => api.post(`/store/carts/${bCart}/customer`, {}, a.auth),
        [404],
        await snapshot(cartState)
      )
      await tryAs(
        "A requests the transfer of B's order",
        () => api.post(`/store/orders/${bOrder.orderId}/transfer/request`, {}, a.auth),
        [404],
        await snapshot(orderState)
      )
      await tryAs(
        "A's customer token on producer routes",
        () => api.get("/vendor/orders", a.auth),
        [401],
        async () => true
      )
      await tryAs(
        "A's customer token on admin routes",
        () => api.get(`/admin/orders/${bOrder.orderId}`, a.auth),
        [401],
        async () => true
      )
      await tryAs(
        "a guest reads a customer profile",
        () => api.get("/store/customers/me", fx.storeHeaders),
        [401],
        async () => true
      )

      expect(attempts.length).toBeGreaterThanOrEqual(40)
      const failures = attempts.filter((x) => !x.expected.includes(x.status) || !x.unchanged)
      expect(failures).toEqual([])
    })
  },
})
