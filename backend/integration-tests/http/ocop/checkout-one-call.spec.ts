import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ADDRESS, useCheckoutSpec } from "../../fixtures/checkout"
import { expectRefusal, expectStatus, unique, type HttpResult } from "../../fixtures/marketplace"

/**
 * POST /store/ocop/checkout/:id (workflows/checkout/prepare-checkout.ts): the email, addresses, one
 * delivery option per producer's parcel and the payment session in one call with one cart refresh.
 * It must leave the cart exactly as Medusa's own routes do, refuse what they would refuse (and what
 * decision 007 adds), and change nothing for anyone but the cart's shopper.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const { fx, operator, who, checkout } = useCheckoutSpec(api, getContainer)

    const { cartWith, optionIds, prepare, completeViaMedusa, detailsViaMedusa } = checkout

    type CartRow = {
      email: string | null
      total: unknown
      item_total: unknown
      shipping_total: unknown
      tax_total: unknown
      shipping_address?: { province?: string | null } | null
      billing_address?: { province?: string | null } | null
      shipping_methods?: Array<{ amount: unknown }> | null
      payment_collection?: {
        amount: unknown
        payment_sessions?: Array<{ provider_id: string; amount: unknown }> | null
      } | null
    }

    /** What the shopper, the order and the producers see of a cart. */
    async function cartState(cartId: string) {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "cart",
          fields: [
            "id",
            "email",
            "total",
            "item_total",
            "shipping_total",
            "tax_total",
            "items.unit_price",
            "items.quantity",
            "shipping_address.province",
            "billing_address.province",
            "shipping_methods.shipping_option_id",
            "shipping_methods.amount",
            "payment_collection.id",
            "payment_collection.amount",
            "payment_collection.payment_sessions.provider_id",
            "payment_collection.payment_sessions.amount",
          ],
          filters: { id: cartId },
        })
      const c = data[0] as CartRow
      return {
        email: c.email,
        total: Number(c.total),
        item_total: Number(c.item_total),
        shipping_total: Number(c.shipping_total),
        tax_total: Number(c.tax_total),
        provinces: [c.shipping_address?.province ?? null, c.billing_address?.province ?? null],
        methods: (c.shipping_methods ?? []).map((m) => Number(m.amount)).sort(),
        collection: c.payment_collection
          ? {
              amount: Number(c.payment_collection.amount),
              sessions: (c.payment_collection.payment_sessions ?? []).map((s) => [s.provider_id, Number(s.amount)]),
            }
          : null,
      }
    }

    it("leaves a two-producer cart as Medusa's routes do, in one call; the order is split with each fee", async () => {
      const tea = await operator.listedProductOfNewProducer("Chè Tân Cương đặc biệt")
      const coffee = await operator.listedProductOfNewProducer("Cà phê Cầu Đất")
      const pick: Array<[string, string]> = [
        [tea.producerId, "standard"],
        [coffee.producerId, "express"],
      ]

      // Medusa's routes: address, one method per parcel, the collection, the session.
      const viaMedusa = await cartWith([tea.variantId, coffee.variantId])
      const email = `${unique("khach")}@ocop.test`
      await detailsViaMedusa(viaMedusa, email, await optionIds(viaMedusa, pick), who.payByCashOnDelivery)

      // Ours: the same in one call.
      const viaOurs = await cartWith([tea.variantId, coffee.variantId])
      const answered = await expectStatus(
        prepare(viaOurs, {
          email,
          shipping_address: ADDRESS,
          billing_address: ADDRESS,
          shipping_option_ids: await optionIds(viaOurs, pick),
          provider_id: "pp_system_default",
        }),
        200
      )
      expect(answered.data.cart.id).toBe(viaOurs)
      expect(answered.data.cart.payment_collection.id).toMatch(/^pay_col_/)

      const ours = await cartState(viaOurs)
      expect(ours).toEqual(await cartState(viaMedusa))
      expect(ours.methods).toEqual([30000, 50000])
      expect(ours.shipping_total).toBe(80000)
      expect(ours.collection).toEqual({ amount: ours.total, sessions: [["pp_system_default", ours.total]] })
      expect(ours.provinces).toEqual(["Lâm Đồng", "Lâm Đồng"])

      const done = await expectStatus(api.post(`/store/carts/${viaOurs}/complete`, {}, fx.storeHeaders), 200)
      expect(done.data.type).toBe("order")
      const placed = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["total", "metadata", "producers.id"], filters: { id: done.data.order.id } })
      const order = placed.data[0] as {
        total: unknown
        metadata: { ocop_shipping_by_producer?: Record<string, { amount: number }> } | null
        producers: Array<{ id: string }>
      }
      expect(Number(order.total)).toBe(ours.total)
      expect(order.producers.map((p: { id: string }) => p.id).sort()).toEqual(
        [tea.producerId, coffee.producerId].sort()
      )
      expect(order.metadata?.ocop_shipping_by_producer?.[tea.producerId]).toMatchObject({ amount: 30000 })
      expect(order.metadata?.ocop_shipping_by_producer?.[coffee.producerId]).toMatchObject({ amount: 50000 })
    })

    it("sent twice or five times at once: one method per parcel, one payment session, one order", async () => {
      const honey = await operator.listedProductOfNewProducer("Mật ong hoa cà phê")
      const cartId = await cartWith([honey.variantId])
      const [standard] = await optionIds(cartId, [[honey.producerId, "standard"]])
      const body = { shipping_address: ADDRESS, shipping_option_ids: [standard], provider_id: "pp_system_default" }

      await expectStatus(prepare(cartId, body), 200)
      await expectStatus(prepare(cartId, body), 200) // a double click
      const answers: HttpResult[] = await Promise.all(Array.from({ length: 5 }, () => prepare(cartId, body)))
      // They queue on the cart's lock; on a slow machine one may wait too long and be told to try again.
      for (const a of answers) expect([200, 409], JSON.stringify(a.data)).toContain(a.status)
      const done = answers.filter((a) => a.status === 200)
      expect(done.length).toBeGreaterThan(0)
      expect(new Set(done.map((a) => a.data.cart.payment_collection.id)).size).toBe(1)

      const state = await cartState(cartId)
      expect(state.methods).toEqual([30000])
      expect(state.collection).toEqual({ amount: state.total, sessions: [["pp_system_default", state.total]] })

      const completions: HttpResult[] = await Promise.all(Array.from({ length: 5 }, () => completeViaMedusa(cartId)))
      const orderIds = new Set(completions.filter((a) => a.data?.type === "order").map((a) => a.data.order.id))
      expect(orderIds.size).toBe(1)
      const orders = await getContainer()
        .resolve(Modules.ORDER)
        .listOrders({ id: [...orderIds] as string[] })
      expect(orders).toHaveLength(1)
      // A completed cart takes no more checkout details.
      const late = await prepare(cartId, body)
      expect(late.status).toBeGreaterThanOrEqual(400)
      expect(late.status).toBeLessThan(500)
    })

    it("refuses malformed input (400 naming the field) and options not of the parcels, changing nothing", async () => {
      const tea = await operator.listedProductOfNewProducer("Chè Thái Nguyên")
      const other = await operator.listedProductOfNewProducer("Nước mắm Phú Quốc")
      const cartId = await cartWith([tea.variantId])
      const [standard, express] = await optionIds(cartId, [
        [tea.producerId, "standard"],
        [tea.producerId, "express"],
      ])
      const otherCart = await cartWith([other.variantId])
      const [foreign] = await optionIds(otherCart, [[other.producerId, "standard"]])
      const good = { shipping_address: ADDRESS, shipping_option_ids: [standard], provider_id: "pp_system_default" }

      const cases: Array<[Record<string, unknown>, string]> = [
        [{ ...good, shipping_address: undefined }, "shipping_address"],
        [{ ...good, shipping_address: { ...ADDRESS, country_code: "vnm" } }, "shipping_address.country_code"],
        [{ ...good, shipping_option_ids: [] }, "shipping_option_ids"],
        [{ ...good, shipping_option_ids: [standard, standard] }, "shipping_option_ids"],
        [{ ...good, shipping_option_ids: "so_1" }, "shipping_option_ids"],
        [{ ...good, provider_id: 42 }, "provider_id"],
        [{ ...good, email: "not an email" }, "email"],
        [{ ...good, shipping_address: { ...ADDRESS, first_name: "An\u0000" } }, "shipping_address.first_name"],
      ]
      for (const [body, field] of cases) {
        const refused = await expectRefusal(prepare(cartId, body), 400, field)
        expect(refused.data.errors?.[field], `${field}: ${JSON.stringify(refused.data)}`).toBeTruthy()
      }
      // Well-formed but not this cart's parcels: another producer's option, two options for one parcel.
      const withdrawn = await expectRefusal(
        prepare(cartId, { ...good, shipping_option_ids: [foreign] }),
        400,
        "shipping_option_ids"
      )
      // The shopper is told, in both languages, to choose delivery again (the completion's code too).
      expect(withdrawn.data.code).toBe("delivery_option_unavailable")
      expect(withdrawn.data.message_vi).toContain("Vui lòng chọn lại cách giao hàng")
      expect(withdrawn.data.message_en).toContain("Please choose delivery again")
      await expectRefusal(
        prepare(cartId, { ...good, shipping_option_ids: [standard, express] }),
        400,
        "shipping_option_ids"
      )
      await expectRefusal(prepare(cartId, { ...good, provider_id: "pp_nobody" }), 400, /pp_nobody|provider/i)

      const state = await cartState(cartId)
      expect(state.methods).toEqual([])
      expect(state.collection).toBeNull()
      expect(state.provinces).toEqual([null, null])
      await expectStatus(prepare("cart_01JNOTHEREATALL0000000000", good), 404)
    })

    it("answers 404 to anyone but a registered shopper for that shopper's cart, and changes nothing", async () => {
      const honey = await operator.listedProductOfNewProducer("Mật ong bạc hà")
      const owner = await who.customerAccount("Lan")
      const stranger = await who.customerAccount("Minh")
      const cartId = await cartWith([honey.variantId], owner.auth)
      const [standard] = await optionIds(cartId, [[honey.producerId, "standard"]])
      const body = { shipping_address: ADDRESS, shipping_option_ids: [standard], provider_id: "pp_system_default" }

      await expectStatus(prepare(cartId, body, stranger.auth), 404)
      await expectStatus(prepare(cartId, body), 404) // no login at all
      const untouched = await cartState(cartId)
      expect(untouched.methods).toEqual([])
      expect(untouched.collection).toBeNull()
      expect(untouched.provinces).toEqual([null, null])

      await expectStatus(prepare(cartId, body, owner.auth), 200)
      expect((await cartState(cartId)).methods).toEqual([30000])
    })
  },
})
