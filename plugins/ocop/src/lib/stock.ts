import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { bilingual } from "./conflicts"
import { getMarketplaceChannelId } from "./marketplace-channel"

/**
 * Stock (decision 019): one inventory item per variant (Medusa's default, made when
 * `manage_inventory` is on) with its level at the marketplace's stock location — the location
 * linked to the marketplace sales channel, whose fulfillment set serves every producer's delivery
 * options (decision 007). A variant without managed inventory (products made before stock existed)
 * is always available, as Medusa treats it, until its producer enters a stock figure.
 */
export async function marketplaceStockLocationId(container: MedusaContainer): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const channelId = await getMarketplaceChannelId(container)
  const { data } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "stock_locations.id"],
    filters: { id: channelId },
  })
  const locationId = (data[0] as { stock_locations?: Array<{ id: string } | null> } | undefined)?.stock_locations?.find(
    Boolean
  )?.id
  if (!locationId) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "The marketplace sales channel has no stock location yet: run `npm run seed`."
    )
  }
  return locationId
}

/** A variant's stock at the marketplace location; `tracked: false` means always available. */
export type VariantStock = { tracked: boolean; stocked: number; reserved: number; available: number | null }

type LevelRow = { location_id?: string; stocked_quantity?: number; reserved_quantity?: number } | null
type VariantRow = {
  id: string
  manage_inventory?: boolean
  inventory_items?: Array<{ inventory?: { location_levels?: LevelRow[] } | null } | null>
}

/** The stock of each variant (by id) at the marketplace location, for the producer's screens. */
export async function variantStocks(container: MedusaContainer, variantIds: string[]) {
  const out: Record<string, VariantStock> = {}
  if (!variantIds.length) return out
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const locationId = await marketplaceStockLocationId(container).catch(() => null)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: [
      "id",
      "manage_inventory",
      "inventory_items.inventory.location_levels.location_id",
      "inventory_items.inventory.location_levels.stocked_quantity",
      "inventory_items.inventory.location_levels.reserved_quantity",
    ],
    filters: { id: variantIds },
  })
  for (const v of data as VariantRow[]) {
    if (!v.manage_inventory) {
      out[v.id] = { tracked: false, stocked: 0, reserved: 0, available: null }
      continue
    }
    const level = (v.inventory_items ?? [])
      .flatMap((ii) => ii?.inventory?.location_levels ?? [])
      .find((l) => l?.location_id === locationId)
    const stocked = Number(level?.stocked_quantity ?? 0)
    const reserved = Number(level?.reserved_quantity ?? 0)
    out[v.id] = { tracked: true, stocked, reserved, available: Math.max(0, stocked - reserved) }
  }
  return out
}

/** Products as read by query.graph, each variant with its `stock` (for the producer's screens). */
export async function withVariantStock<P extends { variants?: Array<{ id: string } | null> | null }>(
  container: MedusaContainer,
  products: P[]
): Promise<P[]> {
  const ids = products.flatMap((p) => (p.variants ?? []).flatMap((v) => (v ? [v.id] : [])))
  const stocks = await variantStocks(container, ids)
  return products.map((p) => ({
    ...p,
    variants: (p.variants ?? []).map((v) => (v ? { ...v, stock: stocks[v.id] ?? null } : v)),
  }))
}

/** What a shopper reads when asking for more than the shop has (both languages, see refusal-language.ts). */
export const stockText = {
  soldOut: (title: string) => bilingual(`“${title}” đã hết hàng.`, `“${title}” is out of stock.`),
  onlyAvailable: (title: string, available: number, inCart: number) =>
    bilingual(
      `Chỉ còn ${available} sản phẩm “${title}”${inCart ? ` (giỏ hàng của bạn đã có ${inCart})` : ""}; ` +
        "vui lòng giảm số lượng.",
      `Only ${available} of “${title}” left${inCart ? ` (your cart already holds ${inCart})` : ""}; ` +
        "please lower the quantity."
    ),
}
