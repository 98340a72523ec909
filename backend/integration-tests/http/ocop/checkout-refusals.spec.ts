import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ADDRESS, useCheckoutSpec } from "../../fixtures/checkout"
import { expectStatus, type HttpResult, unique } from "../../fixtures/marketplace"
import { DECLINED_MESSAGE, refusingProvider } from "../../fixtures/refusing-payment-provider"

const providerModule = path.resolve(__dirname, "../../fixtures/refusing-payment-provider.ts")
const declined = refusingProvider("declined", providerModule)
const requiresMore = refusingProvider("requires_more", providerModule)

type CartAfter = {
  completed_at: string | null
  order?: { id: string } | null
  shipping_methods?: Array<{ shipping_option_id: string; amount: unknown }> | null
  payment_collection?: { status: string; payment_sessions?: Array<{ provider_id: string; status: string }> } | null
}

/**
 * What a completion does when something chosen at the checkout's details no longer holds when the
 * shopper places the order — on both completions, ours (POST /store/ocop/checkout/:id/complete) and
 * Medusa's (POST /store/carts/:id/complete):
 * - a delivery option deleted, or changed so that it no longer applies to the cart: no order without
 *   that producer's delivery fee; a 400 in both languages telling the shopper to choose delivery
 *   again; the cart unchanged, and it completes once delivery is chosen again;
 * - a payment provider that refuses (a declined card, a session that needs the shopper again): no
 *   order, no stock reserved, the provider's words shown, and the cart still usable.
 */
medusaIntegrationTestRunner({
  hooks: {
    // The refusing provider is this spec's only. Added in place to the payment module's providers:
    // the app is loaded twice from the same (cached) medusa-config object.
    beforeServerStart: async (container: MedusaContainer) => {
      const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as {
        modules: Record<string, { options?: { providers?: unknown[] } }>
      }
      const providers = config.modules[Modules.PAYMENT].options?.providers
      if (!providers) throw new Error("medusa-config.ts has no payment providers to add to")
      providers.push(declined.entry, requiresMore.entry)
    },
  },
  testSuite: ({ api, getContainer }) => {
    const { fx, operator, who, checkout } = useCheckoutSpec(api, getContainer)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)

    // The region offers the refusing providers from the start (before any cart of this file reads it).
    beforeAll(async () => {
      const link = getContainer().resolve(ContainerRegistrationKeys.LINK)
      for (const provider of [declined.providerId, requiresMore.providerId])
        await link.create({
          [Modules.REGION]: { region_id: fx.regionId },
          [Modules.PAYMENT]: { payment_provider_id: provider },
        })
    })

    async function cartAfter(cartId: string) {
      const { data } = await query().graph({
        entity: "cart",
        fields: [
          "completed_at",
          "order.id",
          "shipping_methods.shipping_option_id",
          "shipping_methods.amount",
          "payment_collection.status",
          "payment_collection.payment_sessions.provider_id",
          "payment_collection.payment_sessions.status",
        ],
        filters: { id: cartId },
      })
      return data[0] as CartAfter
    }

    const orderCount = async () => (await getContainer().resolve(Modules.ORDER).listAndCountOrders({}))[1]

    /** A cart of one product with its details set: the address, this delivery option, this provider. */
    async function preparedCart(variantId: string, optionOf: (cartId: string) => Promise<string>, provider: string) {
      const cartId = await checkout.cartWith([variantId])
      const optionId = await optionOf(cartId)
      await expectStatus(
        checkout.prepare(cartId, {
          email: `${unique("khach")}@ocop.test`,
          shipping_address: ADDRESS,
          billing_address: ADDRESS,
          shipping_option_ids: [optionId],
          provider_id: provider,
        }),
        200
      )
      return { cartId, optionId }
    }

    /** The refusal of a delivery option that no longer applies: a 400 naming the cause, in both languages. */
    function expectChooseDeliveryAgain(res: HttpResult) {
      expect(res.status, JSON.stringify(res.data)).toBe(400)
      expect(res.data.code).toBe("delivery_option_unavailable")
      expect(res.data.message_vi).toMatch(/chọn lại cách giao hàng/)
      expect(res.data.message_en).toMatch(/choose delivery again/)
    }

    async function expectNotPlaced(cartId: string, optionId: string) {
      const after = await cartAfter(cartId)
      expect(after.completed_at ?? null).toBeNull()
      expect(after.order ?? null).toBeNull()
      expect((after.shipping_methods ?? []).map((m) => m.shipping_option_id)).toEqual([optionId])
    }

    type Completion = (cartId: string) => Promise<HttpResult>

    /**
     * Two carts of a new producer's product with its standard delivery chosen, one for each
     * completion; `change` alters that option; both completions must refuse and leave the carts as
     * they were. Returns each cart with its completion.
     */
    async function changedUnderBothCompletions(title: string, change: (optionId: string) => Promise<unknown>) {
      const product = await operator.listedProductOfNewProducer(title)
      const standard = (cartId: string) => checkout.standardOption(cartId, product.producerId)
      const ours = await preparedCart(product.variantId, standard, "pp_system_default")
      const medusa = await preparedCart(product.variantId, standard, "pp_system_default")
      await change(ours.optionId)
      const carts: Array<[string, Completion]> = [
        [ours.cartId, checkout.complete],
        [medusa.cartId, checkout.completeViaMedusa],
      ]
      for (const [cartId, completeIt] of carts) {
        expectChooseDeliveryAgain(await completeIt(cartId))
        await expectNotPlaced(cartId, ours.optionId)
      }
      return { producerId: product.producerId, optionId: ours.optionId, carts }
    }

    /** The shopper chooses `optionId` and places the order again: the order's delivery options and fee. */
    async function chooseAgainAndComplete(cartId: string, optionId: string, completeIt: Completion) {
      await expectStatus(
        checkout.prepare(cartId, {
          shipping_address: ADDRESS,
          shipping_option_ids: [optionId],
          provider_id: "pp_system_default",
        }),
        200
      )
      const done = await completeIt(cartId)
      expect(done.status, JSON.stringify(done.data)).toBe(200)
      expect(done.data.type).toBe("order")
      const { data } = await query().graph({
        entity: "order",
        fields: ["shipping_methods.shipping_option_id", "shipping_total"],
        filters: { id: done.data.order.id },
      })
      const order = data[0] as { shipping_total: unknown; shipping_methods: Array<{ shipping_option_id: string }> }
      return { optionIds: order.shipping_methods.map((m) => m.shipping_option_id), fee: Number(order.shipping_total) }
    }

    /** The express option of the parcel is chosen instead; the order carries it and its fee. */
    async function expressInstead(producerId: string, carts: Array<[string, Completion]>) {
      for (const [cartId, completeIt] of carts) {
        const [express] = await checkout.optionIds(cartId, [[producerId, "express"]])
        const order = await chooseAgainAndComplete(cartId, express, completeIt)
        expect(order.optionIds).toEqual([express])
        expect(order.fee).toBeGreaterThan(0)
      }
    }

    it("a delivery option deleted after the details: both completions refuse, complete once chosen again", async () => {
      const { producerId, carts } = await changedUnderBothCompletions("Chè Shan tuyết Hà Giang", (optionId) =>
        expectStatus(api.delete(`/admin/shipping-options/${optionId}`, fx.adminHeaders), 200)
      )
      await expressInstead(producerId, carts)
    })

    it("an option changed so it no longer applies: both refuse, and complete once chosen again", async () => {
      // The producer stops offering it in the store (the rule Medusa lists store options by).
      const stopOffering = async (optionId: string) => {
        const { data } = await api.get(`/admin/shipping-options/${optionId}?fields=id,rules.*`, fx.adminHeaders)
        const rules = data.shipping_option.rules as Array<{
          id: string
          attribute: string
          operator: string
          value: unknown
        }>
        const inStore = rules.find((r) => r.attribute === "enabled_in_store")
        if (!inStore) throw new Error("the standard option has no enabled_in_store rule")
        const changed = rules.map(({ id, attribute, operator, value }) => ({
          id,
          attribute,
          operator,
          value: id === inStore.id ? "false" : value,
        }))
        await expectStatus(api.post(`/admin/shipping-options/${optionId}`, { rules: changed }, fx.adminHeaders), 200)
      }
      const { producerId, carts } = await changedUnderBothCompletions("Mật ong bạc hà Đồng Văn", stopOffering)
      await expressInstead(producerId, carts)
    })

    it("a fee changed after the details: both completions refuse, and the order carries the new fee", async () => {
      let newFee = 0
      const raiseFee = async (optionId: string) => {
        const { data } = await api.get(`/admin/shipping-options/${optionId}?fields=id,prices.*`, fx.adminHeaders)
        const prices = data.shipping_option.prices as Array<{ id: string; currency_code: string; amount: number }>
        const vnd = prices.find((p) => p.currency_code === "vnd")
        if (!vnd) throw new Error("the standard option has no VND price")
        newFee = vnd.amount + 5000
        const raised = { prices: [{ id: vnd.id, currency_code: "vnd", amount: newFee }] }
        await expectStatus(api.post(`/admin/shipping-options/${optionId}`, raised, fx.adminHeaders), 200)
      }
      const { optionId, carts } = await changedUnderBothCompletions("Gạo ST25 Sóc Trăng", raiseFee)
      // Chosen again, the same option at its new fee.
      for (const [cartId, completeIt] of carts)
        expect((await chooseAgainAndComplete(cartId, optionId, completeIt)).fee).toBe(newFee)
    })

    describe("a payment provider that refuses", () => {
      for (const [refusal, providerId, code, says] of [
        ["a declined card", declined.providerId, "payment_refused", DECLINED_MESSAGE],
        ["a session that needs the shopper again", requiresMore.providerId, "payment_requires_more", "xác nhận"],
      ] as const) {
        // Medusa's completion (2.21.2): the provider's own error comes back 200 with the cart; a session
        // left in requires_more is its generic 400 "Session … was not authorized with the provider."
        const medusaAnswers =
          code === "payment_refused"
            ? { status: 200, body: { type: "cart", error: { type: "payment_authorization_error", message: says } } }
            : { status: 400, body: { type: "not_allowed", message: expect.stringMatching(/was not authorized/) } }
        it(`${refusal}: ours answers 402, vi and en; no order, no stock reserved; the cart completes`, async () => {
          const made = await operator.producer({ name: unique("HTX Sâm Ngọc Linh"), phone: "0912 345 678" })
          const ginseng = await who.stockedProduct(made.id, "Sâm Ngọc Linh", 10, 250000)
          const standard = (cartId: string) => checkout.standardOption(cartId, made.id)
          const ours = await preparedCart(ginseng.variantId, standard, providerId)
          const medusa = await preparedCart(ginseng.variantId, standard, providerId)

          const ordersBefore = await orderCount()
          const refused = await checkout.complete(ours.cartId)
          expect(refused.status, JSON.stringify(refused.data)).toBe(402)
          expect(refused.data).toMatchObject({ type: "payment_authorization_error", code })
          expect(refused.data.message_vi).toMatch(/thanh toán/i)
          expect(`${refused.data.message_vi} ${refused.data.message_en}`).toContain(says)
          expect(refused.data.message_en).toMatch(/payment/i)

          // Medusa's completion answers as it does (medusaAnswers); neither route places an order.
          const viaMedusa = await checkout.completeViaMedusa(medusa.cartId)
          expect(viaMedusa.status, JSON.stringify(viaMedusa.data)).toBe(medusaAnswers.status)
          expect(viaMedusa.data).toMatchObject(medusaAnswers.body)

          await expectNotPlaced(ours.cartId, ours.optionId)
          await expectNotPlaced(medusa.cartId, medusa.optionId)
          expect(await orderCount()).toBe(ordersBefore)
          expect(await who.stockLevel(ginseng.inventoryItemId)).toEqual({ stocked: 10, reserved: 0 })

          // The shopper pays on delivery instead: the same cart becomes its order, the stock reserved once.
          await expectStatus(
            checkout.prepare(ours.cartId, {
              shipping_address: ADDRESS,
              shipping_option_ids: [ours.optionId],
              provider_id: "pp_system_default",
            }),
            200
          )
          const placed = await checkout.complete(ours.cartId)
          expect(placed.status, JSON.stringify(placed.data)).toBe(200)
          expect(placed.data.type).toBe("order")
          expect(await who.stockLevel(ginseng.inventoryItemId)).toEqual({ stocked: 10, reserved: 2 })
        })
      }
    })
  },
})
