import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { eventually, expectRefusal, useMarketplace, unique } from "../../fixtures/marketplace"

// Medusa's publishable-key lookup is remembered per process for at most a second
// (plugins/ocop src/api/utils/publishable-key-cache.ts): a revoked key, or one that loses its channel,
// must stop working within that lifetime; unknown and missing keys keep Medusa's own refusal.
const MEDUSA_INVALID_KEY = "A valid publishable key is required to proceed with the request"
const MEDUSA_MISSING_KEY = "Publishable API key required in the request header"
const OUR_CHANNEL_REFUSAL = "This publishable key cannot be used on the OCOP marketplace"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const keyHeaders = (token: string) => ({ headers: { "x-publishable-api-key": token } })

    async function marketplaceKey(): Promise<{ id: string; token: string }> {
      const created = await api.post(
        "/admin/api-keys",
        { title: unique("Khoá đối tác"), type: "publishable" },
        fx.adminHeaders
      )
      const key = created.data.api_key
      await api.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [fx.marketplaceChannelId] }, fx.adminHeaders)
      return { id: key.id, token: key.token }
    }
    const regions = (token: string) => api.get("/store/regions", keyHeaders(token))

    it("runs the remembering middleware in Medusa's place (the seam still holds)", () => {
      const http = path.dirname(require.resolve("@medusajs/framework/http"))
      const registered = require(path.join(http, "middlewares", "ensure-publishable-api-key.js"))
      expect(registered.ensurePublishableApiKeyMiddleware.ocopRemembering).toBe(true)
    })

    it("stops accepting a revoked key, with Medusa's refusal", async () => {
      const key = await marketplaceKey()
      // Looked up, then served from the cache: both answered under the key's channel.
      for (let i = 0; i < 3; i++) expect((await regions(key.token)).status).toBe(200)

      await api.post(`/admin/api-keys/${key.id}/revoke`, {}, fx.adminHeaders)
      await eventually(() => expectRefusal(regions(key.token), 400, MEDUSA_INVALID_KEY), {
        what: "the revoked key to be refused",
      })
      // Refusals are never remembered as anything else: still refused, on every route.
      await expectRefusal(regions(key.token), 400, MEDUSA_INVALID_KEY)
      await expectRefusal(api.get("/store/ocop/search?q=a", keyHeaders(key.token)), 400, MEDUSA_INVALID_KEY)
      // The storefront's key is untouched.
      expect((await api.get("/store/regions", fx.storeHeaders)).status).toBe(200)
    })

    it("refuses a key that loses its channel, and takes a new binding at once", async () => {
      const key = await marketplaceKey()
      expect((await regions(key.token)).status).toBe(200)

      await api.post(`/admin/api-keys/${key.id}/sales-channels`, { remove: [fx.marketplaceChannelId] }, fx.adminHeaders)
      await eventually(() => expectRefusal(regions(key.token), 400, OUR_CHANNEL_REFUSAL), {
        what: "the key without a channel to be refused",
      })
      // A key without a channel is not remembered: bound again, the very next request is served.
      await api.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [fx.marketplaceChannelId] }, fx.adminHeaders)
      expect((await regions(key.token)).status).toBe(200)
    })

    it("refuses unknown and missing keys with Medusa's own answers, every time", async () => {
      for (let i = 0; i < 3; i++) {
        await expectRefusal(regions(`pk_${unique("unknown")}`), 400, MEDUSA_INVALID_KEY)
        await expectRefusal(regions("pk_not_a_key"), 400, MEDUSA_INVALID_KEY)
        await expectRefusal(api.get("/store/regions"), 400, MEDUSA_MISSING_KEY)
      }
      // A token that differs from a valid one only in case is another token.
      await expectRefusal(regions(fx.publishableKey.toUpperCase()), 400, MEDUSA_INVALID_KEY)
    })
  },
})
