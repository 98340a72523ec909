/**
 * A producer's part of an order, from shipping to delivery or return (issues 12 and 13): the vendor
 * routes refuse other producers, other actors and malformed input without changing anything; one
 * of parallel clicks wins; the shopper's order view shows the same state, to the account that placed
 * the order or to the key of its emailed link only. And the shopper's password reset by email.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { useMarketplace, unique } from "../../fixtures/marketplace"
import { actors, attempt, eventually, withHeaders, type Auth, type Outcome } from "../security/actors"

type Notification = { to: string; template: string; data: Record<string, string> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const who = actors(api, getContainer, () => fx)

    /** Notifications the Notification module kept for this address (the local provider only logs them). */
    async function emailsTo(email: string): Promise<Notification[]> {
      const { data } = await api.get(`/admin/notifications?to=${encodeURIComponent(email)}`, fx.adminHeaders)
      return data.notifications
    }

    /** Two producers, one order holding one product of each, placed with `auth` (a guest by default). */
    async function orderOfTwoProducers(auth?: Auth, email?: string) {
      const first = await who.producerAccount(`HTX Chè ${unique("a")}`)
      const second = await who.producerAccount(`HTX Mật ong ${unique("b")}`)
      const tea = await who.stockedProduct(first.id, "Chè Shan tuyết", 5, 150000)
      const honey = await who.stockedProduct(second.id, "Mật ong bạc hà", 5, 200000)
      const { orderId } = await who.placeOrder(
        [
          { variantId: tea.variantId, quantity: 1 },
          { variantId: honey.variantId, quantity: 2 },
        ],
        auth,
        email
      )
      await who.orderSeenBy(first, orderId)
      await who.orderSeenBy(second, orderId)
      return { first, second, orderId }
    }

    const ship = (orderId: string, auth: Auth, body: Record<string, unknown>) =>
      attempt(api.post(`/vendor/orders/${orderId}/shipments`, body, auth))
    const changeStatus = (orderId: string, auth: Auth, action: string) =>
      attempt(api.post(`/vendor/orders/${orderId}/status`, { action }, auth))
    const partOf = async (orderId: string, auth: Auth) => (await api.get(`/vendor/orders/${orderId}`, auth)).data.order

    it("ships one part with carrier and tracking; the guest's view shows it, the other part placed", async () => {
      const { first, second, orderId } = await orderOfTwoProducers()
      const before = await partOf(orderId, first.auth)
      expect(before.part_status).toBe("placed")
      expect(before.allowed_actions).toEqual(["ship"])
      expect(before.cash_on_delivery).toBe(true)
      expect(before.cash_to_collect).toBeGreaterThanOrEqual(150000)

      const shipped = await ship(orderId, first.auth, { carrier: "GHN", tracking_number: "GHN-5512 3344" })
      expect(shipped.status).toBe(201)
      const after = await partOf(orderId, first.auth)
      expect(after.part_status).toBe("shipped")
      expect(after.shipment).toMatchObject({ carrier: "GHN", tracking_number: "GHN-5512 3344" })
      expect(after.allowed_actions).toEqual(["deliver", "return"])
      expect((await partOf(orderId, second.auth)).part_status).toBe("placed")

      const { data } = await api.get(`/store/ocop/orders/${orderId}`, fx.storeHeaders)
      expect(data.access).toBe("id")
      const states = Object.fromEntries(
        data.order.parts.map((p: { producer: { id: string }; status: string }) => [p.producer.id, p.status])
      )
      expect(states).toEqual({ [first.id]: "shipped", [second.id]: "placed" })
      const firstPart = data.order.parts.find((p: { producer: { id: string } }) => p.producer.id === first.id)
      expect(firstPart.shipment.tracking_number).toBe("GHN-5512 3344")
    })

    it("malformed shipments and status changes are 400s naming the field, and change nothing", async () => {
      const { first, orderId } = await orderOfTwoProducers()
      const noCarrier = await ship(orderId, first.auth, { tracking_number: "GHN123456" })
      expect(noCarrier.status).toBe(400)
      expect(noCarrier.data.errors).toHaveProperty("carrier")
      const badTracking = await ship(orderId, first.auth, { carrier: "GHN", tracking_number: "<script>" })
      expect(badTracking.status).toBe(400)
      expect(badTracking.data.errors).toHaveProperty("tracking_number")
      const extra = await ship(orderId, first.auth, { carrier: "GHN", tracking_number: "GHN123456", paid: true })
      expect(extra.status).toBe(400)
      const badAction = await changeStatus(orderId, first.auth, "teleport")
      expect(badAction.status).toBe(400)
      expect(badAction.data.errors).toHaveProperty("action")
      // Delivered before shipped: the state does not allow it (409, both languages).
      const early = await changeStatus(orderId, first.auth, "deliver")
      expect(early.status).toBe(409)
      expect(early.data.message).toMatch(/không thể xác nhận đã giao.*\(EN: .*"placed"/)
      expect((await partOf(orderId, first.auth)).part_status).toBe("placed")
    })

    it("another producer gets 404 and other actors 401; nothing changes", async () => {
      const { first, orderId } = await orderOfTwoProducers()
      const stranger = await who.producerAccount("HTX Không liên quan")
      const customer = await who.customerAccount("Lan")
      const body = { carrier: "GHTK", tracking_number: "S123456789" }
      expect((await ship(orderId, stranger.auth, body)).status).toBe(404)
      expect((await changeStatus(orderId, stranger.auth, "deliver")).status).toBe(404)
      expect((await ship(orderId, customer.auth, body)).status).toBe(401)
      expect((await ship(orderId, fx.adminHeaders, body)).status).toBe(401)
      expect((await ship(orderId, { headers: {} }, body)).status).toBe(401)
      expect((await partOf(orderId, first.auth)).part_status).toBe("placed")
    })

    it("5 parallel 'delivered' clicks: one changes the state, the others 409; then returned once", async () => {
      const { first, orderId } = await orderOfTwoProducers()
      expect((await ship(orderId, first.auth, { carrier: "Viettel Post", tracking_number: "VTP0001122" })).status).toBe(
        201
      )
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => changeStatus(orderId, first.auth, "deliver")))
      const statuses = outcomes.map((o) => o.status).sort()
      console.log(`[order-parts] 5 parallel deliveries: ${JSON.stringify(statuses)}`)
      expect(statuses).toEqual([200, 409, 409, 409, 409])
      for (const o of outcomes.filter((o) => o.status === 409)) expect(o.data.message).toMatch(/\(EN: .+\)/)
      const delivered = await partOf(orderId, first.auth)
      expect(delivered.part_status).toBe("delivered")
      expect(delivered.allowed_actions).toEqual(["return"])

      expect((await changeStatus(orderId, first.auth, "return")).status).toBe(200)
      expect((await changeStatus(orderId, first.auth, "return")).status).toBe(409)
      expect((await partOf(orderId, first.auth)).part_status).toBe("returned")
    })

    it("an account's order opens for that account and for its emailed link's key only", async () => {
      const customer = await who.customerAccount("Hoa")
      const { orderId } = await orderOfTwoProducers(customer.auth, customer.email)
      const open = (auth: Auth, query = "") => attempt(api.get(`/store/ocop/orders/${orderId}${query}`, auth))

      expect((await open(fx.storeHeaders)).status).toBe(404)
      const mine = await open(customer.auth)
      expect(mine.status).toBe(200)
      expect(mine.data.access).toBe("account")
      const other = await who.customerAccount("Khác")
      expect((await open(other.auth)).status).toBe(404)
      expect((await open(fx.storeHeaders, "?key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404)

      // The confirmation email carries the order page's link with its key.
      const email = await eventually(async () => {
        const found = (await emailsTo(customer.email)).find((n) => n.template === "ocop-order-confirmation")
        return found ?? null
      }, "the order confirmation email")
      const link = new URL(email.data.order_url)
      expect(link.pathname).toBe(`/orders/${orderId}`)
      const byKey = await open(fx.storeHeaders, link.search)
      expect(byKey.status).toBe(200)
      expect(byKey.data.access).toBe("key")
      expect(byKey.data.order.parts).toHaveLength(2)

      const history = await api.get("/store/orders?fields=id", customer.auth)
      expect(history.data.orders.map((o: { id: string }) => o.id)).toContain(orderId)
    })

    it("a shopper resets the password through the emailed link; the old password stops working", async () => {
      const customer = await who.customerAccount("Minh")
      const asked = await attempt(
        api.post("/auth/customer/emailpass/reset-password", { identifier: customer.email }, fx.storeHeaders)
      )
      expect(asked.status).toBe(201)
      const email = await eventually(async () => {
        const found = (await emailsTo(customer.email)).find((n) => n.template === "ocop-password-reset")
        return found ?? null
      }, "the password reset email")
      const link = new URL(email.data.reset_url)
      expect(link.pathname).toBe("/account/reset-password")
      const token = link.searchParams.get("token") ?? ""
      expect(link.searchParams.get("email")).toBe(customer.email)

      // What the reset page sends: the new password, authorised by the emailed token alone.
      const setPasswordWithToken = (password: string) =>
        attempt(
          api.post(
            "/auth/customer/emailpass/update",
            { email: customer.email, password },
            withHeaders({ headers: {} }, { authorization: `Bearer ${token}` })
          )
        )
      const weak = await setPasswordWithToken("abc")
      expect(weak.status).toBe(400)
      expect(weak.data.errors).toHaveProperty("password")

      const password = "MatKhauMoi#2027"
      const done = await setPasswordWithToken(password)
      expect(done.status).toBe(200)
      expect((await attempt(api.post("/auth/customer/emailpass", { email: customer.email, password }))).status).toBe(
        200
      )
      const old = await attempt(
        api.post("/auth/customer/emailpass", { email: customer.email, password: "KhachHang#2026" })
      )
      expect(old.status).toBe(401)
      // The token is spent.
      const again = await setPasswordWithToken("MotMatKhauKhac#2028")
      expect(again.status).toBe(401)
    })

    it("customer logins are throttled like the portals': 429 with Retry-After and a Vietnamese message", async () => {
      const customer = await who.customerAccount("Tuấn")
      const tries: Outcome[] = []
      for (let i = 0; i < 12; i++) {
        tries.push(
          await attempt(api.post("/auth/customer/emailpass", { email: customer.email, password: "sai-mat-khau" }))
        )
      }
      const limited = tries.filter((t) => t.status === 429)
      expect(limited.length).toBeGreaterThan(0)
      expect(tries.slice(0, 10).every((t) => t.status === 401)).toBe(true)
      expect(limited[0].headers?.["retry-after"]).toMatch(/^\d+$/)
      expect(limited[0].data.message_vi).toMatch(/thử quá nhiều lần/)
    })
  },
})
