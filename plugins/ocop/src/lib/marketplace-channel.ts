import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

/** Listing = membership of this sales channel. The seed creates it; nothing else may add to it. */
export const MARKETPLACE_CHANNEL_ROLE = "marketplace"

// Not cached: one small indexed query, and a cache would go stale when tests reset the database.
export async function getMarketplaceChannelId(container: MedusaContainer): Promise<string> {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const channels = await salesChannels.listSalesChannels({}, { select: ["id", "metadata"] })
  const found = channels.find(
    (c) => (c.metadata as Record<string, unknown> | null)?.ocop_role === MARKETPLACE_CHANNEL_ROLE
  )
  if (!found) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      'The OCOP marketplace sales channel (metadata.ocop_role = "marketplace") does not exist yet: run `npm run seed`.'
    )
  }
  return found.id
}
