/**
 * Stripe card payments, tested without Stripe's servers (unreachable here): the provider is wired
 * when STRIPE_API_KEY is set, and webhook signatures are verified with Stripe's own test helper.
 * Calls that would reach api.stripe.com (creating payment intents) are not made in this suite.
 */
process.env.STRIPE_API_KEY = "sk_test_ocop_offline_dummy"
process.env.STRIPE_WEBHOOK_SECRET = "whsec_ocop_test_secret"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import Stripe from "stripe"
import { setupMarketplace } from "../../fixtures/marketplace"

const stripe = new Stripe(process.env.STRIPE_API_KEY!)

function signedEvent(secret: string, object: Record<string, unknown>, type = "payment_intent.succeeded") {
  const payload = JSON.stringify({ id: "evt_test_1", object: "event", type, data: { object } })
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret })
  return { payload, header }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("registers the Stripe provider next to cash on delivery when STRIPE_API_KEY is set", async () => {
      const payments = getContainer().resolve(Modules.PAYMENT)
      const providers = await payments.listPaymentProviders({})
      expect(providers.map((p: any) => p.id)).toEqual(expect.arrayContaining(["pp_system_default", "pp_stripe_stripe"]))
    })

    it("offers card payments in the Việt Nam region next to cash on delivery", async () => {
      const fx = await setupMarketplace(getContainer(), api)
      const { data } = await api.get(`/store/payment-providers?region_id=${fx.regionId}`, fx.storeHeaders)
      expect(data.payment_providers.map((p: any) => p.id).sort()).toEqual(["pp_stripe_stripe", "pp_system_default"])
    })

    it("accepts a webhook signed with our secret and maps it to the payment session", async () => {
      const payments = getContainer().resolve(Modules.PAYMENT)
      const { payload, header } = signedEvent(process.env.STRIPE_WEBHOOK_SECRET!, {
        id: "pi_test_1",
        object: "payment_intent",
        amount: 350000,
        amount_received: 350000,
        currency: "vnd",
        metadata: { session_id: "payses_test_1" },
      })
      const result = await payments.getWebhookActionAndData({
        provider: "stripe_stripe",
        payload: { data: JSON.parse(payload), rawData: Buffer.from(payload), headers: { "stripe-signature": header } },
      } as any)
      expect(result.action).toBe("captured")
      expect(result.data).toMatchObject({ session_id: "payses_test_1" })
      // VND is zero-decimal: 350000 from Stripe means 350.000 ₫, not 3.500 ₫.
      expect(Number(result.data?.amount)).toBe(350000)
    })

    it("refuses a webhook whose signature was made with another secret or whose body was altered", async () => {
      const payments = getContainer().resolve(Modules.PAYMENT)
      const object = {
        id: "pi_test_2",
        object: "payment_intent",
        amount: 1000,
        currency: "vnd",
        metadata: { session_id: "payses_x" },
      }
      const forged = signedEvent("whsec_attacker", object)
      await expect(
        payments.getWebhookActionAndData({
          provider: "stripe_stripe",
          payload: {
            data: JSON.parse(forged.payload),
            rawData: Buffer.from(forged.payload),
            headers: { "stripe-signature": forged.header },
          },
        } as any)
      ).rejects.toThrow(/No signatures found matching the expected signature for payload/)
      const genuine = signedEvent(process.env.STRIPE_WEBHOOK_SECRET!, object)
      const altered = genuine.payload.replace('"amount":1000', '"amount":1')
      await expect(
        payments.getWebhookActionAndData({
          provider: "stripe_stripe",
          payload: {
            data: JSON.parse(altered),
            rawData: Buffer.from(altered),
            headers: { "stripe-signature": genuine.header },
          },
        } as any)
      ).rejects.toThrow(/No signatures found matching the expected signature for payload/)
    })

    // Live: only with a real Stripe test key and network to api.stripe.com (neither exists on these machines).
    it.skipIf(!process.env.STRIPE_LIVE_TEST_KEY)(
      "creates a real VND payment intent with a live Stripe test key",
      async () => {
        const live = new Stripe(process.env.STRIPE_LIVE_TEST_KEY!)
        const intent = await live.paymentIntents.create({
          amount: 120000,
          currency: "vnd",
          payment_method_types: ["card"],
        })
        expect(intent.amount).toBe(120000)
        expect(intent.currency).toBe("vnd")
      }
    )
  },
})
