import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isOnlyMarketplaceChannel, type Sql } from "../../lib/listing-gate-database"

// Every store request asks; the answer for the storefront's channel hardly ever changes. Only
// "yes" is remembered, and briefly: a refusal is always re-checked, and a channel that stops
// being the marketplace is refused within this many milliseconds.
const CONFIRMED_FOR_MS = 10_000
const confirmedChannels = new Map<string, number>()

async function reachesOnlyMarketplace(pg: Pick<Sql, "raw">, channelIds: string[]): Promise<boolean> {
  const key = channelIds.length === 1 ? channelIds[0] : null
  if (key && (confirmedChannels.get(key) ?? 0) > Date.now()) return true
  const ok = await isOnlyMarketplaceChannel(pg, channelIds)
  if (ok && key) confirmedChannels.set(key, Date.now() + CONFIRMED_FOR_MS)
  return ok
}

/**
 * Every /store request: the publishable key must reach exactly the OCOP marketplace channel.
 * Medusa's own key middleware (which runs first) has put the key's channels on the request.
 * - A key with no channel: Medusa would default carts to the store's default channel (where
 *   uncertified products live) and answers product reads with its own 400.
 * - A key with another channel: that channel's products are not gated.
 * - A cart body naming another sales channel: Medusa 2.21.2 records the mismatch with the key in
 *   `req.errors` and nothing reads it, so the cart would be created there.
 * See docs/decisions/005-gate-as-data-invariant.md.
 */
export async function guardStoreChannel(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const context = (req as any).publishable_key_context as { sales_channel_ids?: string[] } | undefined
  if (!context) return next() // Medusa's key middleware refuses requests without a valid key
  const channelIds = context.sales_channel_ids ?? []
  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  if (!(await reachesOnlyMarketplace(pg, channelIds))) {
    return res.status(400).json({
      type: "not_allowed",
      message:
        "Khoá công khai này không dùng được cho Chợ OCOP: khoá phải gắn với đúng một kênh bán là Chợ OCOP. " +
        "(EN: This publishable key cannot be used on the OCOP marketplace: it must be bound to exactly one sales channel, the OCOP marketplace.)",
    })
  }
  const path = req.originalUrl.split("?")[0]
  const bodyChannel = (req.body as any)?.sales_channel_id
  if (
    req.method === "POST" &&
    /^\/store\/carts(\/[^/]+)?\/?$/.test(path) &&
    bodyChannel != null &&
    bodyChannel !== channelIds[0]
  ) {
    return res.status(400).json({
      type: "invalid_data",
      message:
        "Giỏ hàng chỉ có thể thuộc kênh bán Chợ OCOP của khoá công khai. (EN: sales_channel_id must be the OCOP marketplace channel of the publishable key.)",
      errors: { sales_channel_id: "sales_channel_id must be the OCOP marketplace channel of the publishable key." },
    })
  }
  next()
}
