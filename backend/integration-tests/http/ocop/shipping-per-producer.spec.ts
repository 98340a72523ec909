import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PHONE_CASES } from "@ocop-marketplace/ocop/lib/phone-cases"
import { expectRefusal, expectStatus, unique, type HttpResult } from "../../fixtures/marketplace"
import { ADDRESS, useCheckoutSpec } from "../../fixtures/checkout"

/**
 * Decision 007: each producer ships its own parcel, so a cart holding two producers' products needs
 * one shipping method — one fee — per producer, and the placed order's producer parts carry them.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const { fx, operator, who, checkout } = useCheckoutSpec(api, getContainer)

    /** A cart with one of each variant, delivered to the shopper's address in Lâm Đồng. */
    async function cartWith(variantIds: string[]) {
      const cartId = await checkout.cartWith(variantIds, fx.storeHeaders, 1)
      await api.post(`/store/carts/${cartId}`, { shipping_address: ADDRESS }, fx.storeHeaders)
      return cartId
    }

    type Option = { id: string; amount: number; data?: { ocop_producer_id?: string }; type?: { code?: string } }
    const optionsOf = async (cartId: string) =>
      (await api.get(`/store/shipping-options?cart_id=${cartId}`, fx.storeHeaders)).data.shipping_options as Option[]
    const optionFor = (options: Option[], producerId: string, code: string) =>
      options.find((o) => o.data?.ocop_producer_id === producerId && o.type?.code === code)
    const chooseShipping = (cartId: string, optionId: string) =>
      api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: optionId }, fx.storeHeaders)

    it("charges one delivery fee per producer and records each on the producer's part of the order", async () => {
      const tea = await operator.listedProductOfNewProducer("Chè Tân Cương đặc biệt")
      const coffee = await operator.listedProductOfNewProducer("Cà phê Cầu Đất")
      const cartId = await cartWith([tea.variantId, coffee.variantId])

      const options = await optionsOf(cartId)
      const teaStandard = optionFor(options, tea.producerId, "standard")
      const coffeeExpress = optionFor(options, coffee.producerId, "express")
      expect(teaStandard?.amount).toBe(30000)
      expect(coffeeExpress?.amount).toBe(50000)
      if (!teaStandard || !coffeeExpress) throw new Error("each producer should have its own delivery options")

      // One producer's parcel chosen, the other's not: Medusa refuses to complete, in both languages.
      await expectStatus(chooseShipping(cartId, teaStandard.id), 200)
      await who.payByCashOnDelivery(cartId)
      const missing = await expectRefusal(
        api.post(`/store/carts/${cartId}/complete`, {}, fx.storeHeaders),
        400,
        /shipping profiles that are not satisfied/
      )
      expect(missing.data.code).toBe("invalid_data")
      expect(missing.data.message_vi).toBe("Yêu cầu không hợp lệ.")
      expect(missing.data.message_en).toMatch(/shipping profiles/)

      const both = await expectStatus(chooseShipping(cartId, coffeeExpress.id), 200)
      expect(both.data.cart.shipping_methods).toHaveLength(2)
      expect(both.data.cart.shipping_total).toBe(80000)
      await who.payByCashOnDelivery(cartId) // a changed cart drops its payment session

      // The same completion sent five times at once places one order.
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          api
            .post(`/store/carts/${cartId}/complete`, {}, fx.storeHeaders)
            .catch((e: { response: HttpResult }) => e.response)
        )
      )
      const orderIds = new Set(answers.filter((a) => a.data?.type === "order").map((a) => a.data.order.id))
      expect(orderIds.size, JSON.stringify(answers.map((a) => [a.status, a.data?.type, a.data?.message]))).toBe(1)
      const orderId = [...orderIds][0] as string
      const orders = await getContainer().resolve(Modules.ORDER).listOrders({})
      expect(orders).toHaveLength(1)

      // The order is split by the time the completion answers (no waiting for the order.placed
      // subscriber): the shopper's confirmation page reads each part and its fee right away.
      const placed = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["metadata", "producers.id"], filters: { id: orderId } })
      const order = placed.data[0] as { metadata: Record<string, unknown> | null; producers: Array<{ id: string }> }
      expect(order.producers.map((p) => p.id).sort()).toEqual([tea.producerId, coffee.producerId].sort())
      const parts = (order.metadata as { ocop_shipping_by_producer?: Record<string, unknown> } | null)
        ?.ocop_shipping_by_producer
      expect(parts?.[tea.producerId]).toMatchObject({ amount: 30000, name: "Giao hàng tiêu chuẩn" })
      expect(parts?.[coffee.producerId]).toMatchObject({ amount: 50000, name: "Giao hàng nhanh" })
    })

    it("offers a cart its producers' options only, and refuses a malformed choice naming the field", async () => {
      const honey = await operator.listedProductOfNewProducer("Mật ong hoa cà phê")
      const cartId = await cartWith([honey.variantId])
      // Only the options that can carry this cart's parcel are offered: the producer's two.
      const offered = await optionsOf(cartId)
      expect(offered.map((o) => [o.data?.ocop_producer_id, o.type?.code]).sort()).toEqual([
        [honey.producerId, "express"],
        [honey.producerId, "standard"],
      ])
      const refused = await expectRefusal(
        api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: 42 }, fx.storeHeaders),
        400,
        /option_id/
      )
      expect(refused.data.code).toBeTruthy()
      expect(refused.data.message_vi).toBeTruthy()
    })

    it("accepts phone numbers as people write them and stores them as E.164, the storefront's rule", async () => {
      for (const [typed, stored] of PHONE_CASES) {
        const body = { name: `Cơ sở ${unique("")}`, entity_type: "household", province_code: "68", phone: typed }
        if (stored) {
          const created = await expectStatus(api.post("/admin/ocop/producers", body, fx.adminHeaders), 201)
          expect(created.data.producer.phone, typed).toBe(stored)
        } else if (typed) {
          const refused = await expectRefusal(api.post("/admin/ocop/producers", body, fx.adminHeaders), 400, /phone/)
          expect(refused.data.errors.phone, typed).toMatch(/Vietnamese mobile number/)
        }
      }
    })
  },
})
