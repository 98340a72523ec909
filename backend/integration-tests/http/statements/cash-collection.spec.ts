/**
 * Cash on delivery, accounted (issue 16): once a producer's part is delivered, the producer (or the
 * operator) records the cash collected for it and who holds it. One record per order part, whatever
 * the number of clicks; other producers and malformed input change nothing.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { useMarketplace, unique } from "../../fixtures/marketplace"
import { actors, attempt, histogram, must, type Auth } from "../security/actors"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const who = actors(api, getContainer, () => fx)

    type Settlement = { listCashCollections(filters: object): Promise<Array<Record<string, unknown>>> }
    const collections = (orderId: string) =>
      getContainer().resolve<Settlement>("settlement").listCashCollections({ order_id: orderId })
    const record = (orderId: string, auth: Auth, body: Record<string, unknown>) =>
      attempt(api.post(`/vendor/orders/${orderId}/cash-collection`, body, auth))

    /** Two producers in one order; the first one's part is delivered. */
    async function deliveredOrder() {
      const first = await who.producerAccount(`HTX Chè ${unique("a")}`)
      const second = await who.producerAccount(`HTX Mật ong ${unique("b")}`)
      const tea = await who.stockedProduct(first.id, "Chè Shan tuyết", 5, 150000)
      const honey = await who.stockedProduct(second.id, "Mật ong bạc hà", 5, 200000)
      const { orderId } = await who.placeOrder([
        { variantId: tea.variantId, quantity: 1 },
        { variantId: honey.variantId, quantity: 2 },
      ])
      await who.orderSeenBy(first, orderId)
      await who.orderSeenBy(second, orderId)
      await must(
        api.post(`/vendor/orders/${orderId}/shipments`, { carrier: "GHN", tracking_number: "GHN 1" }, first.auth),
        "ship"
      )
      const before = await record(orderId, first.auth, { amount: 180000 })
      expect(before.status).toBe(409) // shipped, not delivered yet
      expect(before.data.message).toContain("đã giao")
      await must(api.post(`/vendor/orders/${orderId}/status`, { action: "deliver" }, first.auth), "deliver")
      return { first, second, orderId }
    }

    it("the owner records its part's cash once; five parallel clicks make one record", async () => {
      const { first, orderId } = await deliveredOrder()
      const { cash_to_collect } = (await api.get(`/vendor/orders/${orderId}`, first.auth)).data.order
      expect(cash_to_collect).toBe(180000) // 150 000 ₫ of tea + 30 000 ₫ delivery

      const outcomes = await Promise.all(
        Array.from({ length: 5 }, () => record(orderId, first.auth, { amount: cash_to_collect }))
      )
      expect(histogram(outcomes)).toEqual({ 201: 1, 200: 4 })
      expect(new Set(outcomes.map((o) => o.data.cash_collection.id)).size).toBe(1)
      const rows = await collections(orderId)
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ producer_id: first.id, collected_by: "producer", recorded_by_type: "producer" })
      expect(Number(rows[0].amount)).toBe(180000)
      const audit = (await who.auditOf(first.id)).filter((e) => e.action === "cash_collected")
      expect(audit).toHaveLength(1)

      // A different amount afterwards is a conflict, in both languages; the record stays.
      const changed = await record(orderId, first.auth, { amount: 170000 })
      expect(changed.status).toBe(409)
      expect(changed.data.message).toMatch(/đã được ghi nhận.*EN: The cash/)
      expect(Number((await collections(orderId))[0].amount)).toBe(180000)
    })

    it("another producer, a shopper or nobody cannot record; bad input is a 400 naming the field", async () => {
      const { first, second, orderId } = await deliveredOrder()
      const outsider = await who.producerAccount(`HTX Khác ${unique("c")}`)
      // The other producer of the same order has not delivered its part; an outsider is not in the order.
      expect((await record(orderId, second.auth, { amount: 430000 })).status).toBe(409)
      expect((await record(orderId, outsider.auth, { amount: 180000 })).status).toBe(404)
      expect((await attempt(api.post(`/vendor/orders/${orderId}/cash-collection`, { amount: 180000 }))).status).toBe(
        401
      )
      const shopper = await who.customerAccount("Lan")
      expect(
        (await attempt(api.post(`/vendor/orders/${orderId}/cash-collection`, { amount: 180000 }, shopper.auth))).status
      ).toBe(401)

      const bad: Array<[Record<string, unknown>, string]> = [
        [{}, "amount"],
        [{ amount: 0 }, "amount"],
        [{ amount: 1.5 }, "amount"],
        [{ amount: "nhiều" }, "amount"],
        [{ amount: 1e15 }, "amount"],
        [{ amount: 180000, collected_at: "hôm qua" }, "collected_at"],
        [{ amount: 180000, collected_at: "2999-01-01T00:00:00Z" }, "collected_at"],
        [{ amount: 180000, collected_by: "platform" }, "_"],
      ]
      for (const [body, field] of bad) {
        const res = await record(orderId, first.auth, body)
        expect(res.status).toBe(400)
        expect(Object.keys(res.data.errors)).toContain(field)
      }
      expect(await collections(orderId)).toHaveLength(0)
    })

    it("the operator records cash held by the platform; the producer then cannot record it differently", async () => {
      const { first, orderId } = await deliveredOrder()
      const body = { producer_id: first.id, amount: 180000, collected_by: "platform" }
      expect((await attempt(api.post(`/admin/ocop/orders/${orderId}/cash-collection`, body, first.auth))).status).toBe(
        401
      )
      const missing = await attempt(
        api.post(`/admin/ocop/orders/${orderId}/cash-collection`, { ...body, collected_by: "bank" }, fx.adminHeaders)
      )
      expect(missing.status).toBe(400)
      expect(Object.keys(missing.data.errors)).toContain("collected_by")
      const created = await attempt(api.post(`/admin/ocop/orders/${orderId}/cash-collection`, body, fx.adminHeaders))
      expect(created.status).toBe(201)
      const rows = await collections(orderId)
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ collected_by: "platform", recorded_by_type: "user" })
      expect((await record(orderId, first.auth, { amount: 180000 })).status).toBe(409)
      // A producer that is not in the order is not found for the operator either.
      const outsider = await who.producerAccount(`HTX Khác ${unique("d")}`)
      const foreign = await attempt(
        api.post(
          `/admin/ocop/orders/${orderId}/cash-collection`,
          { ...body, producer_id: outsider.id },
          fx.adminHeaders
        )
      )
      expect(foreign.status).toBe(404)
      expect(await collections(orderId)).toHaveLength(1)
    })
  },
})
