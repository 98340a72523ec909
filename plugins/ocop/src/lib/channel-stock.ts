import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * One inventory item of a variant and one of its levels at a stock location of the sales channel
 * (location_id null: the item has no level in the channel).
 */
export type ChannelStockRow = {
  variant_id: string
  inventory_item_id: string
  required_quantity: number | string
  location_id: string | null
  stocked_quantity: number | string | null
  reserved_quantity: number | string | null
}

/**
 * THE stock reader of the till, for the adds (workflows/cart/steps/confirm-stock.ts) and the completion
 * (workflows/checkout/complete/place-order.ts): the variants' inventory items and their levels at the
 * channel's stock locations, in one statement — what Medusa reads for its inventory confirmation
 * (requiredVariantFieldsForInventoryConfirmation: the variant's inventory items, their levels, the levels'
 * locations, their channels) in six, without the levels of other channels' locations, which neither the
 * confirmation nor the reservation may use.
 */
const CHANNEL_STOCK_SQL = `
SELECT pvii.variant_id, pvii.inventory_item_id, pvii.required_quantity,
       il.location_id, il.stocked_quantity, il.reserved_quantity
  FROM product_variant_inventory_item pvii
  JOIN inventory_item ii ON ii.id = pvii.inventory_item_id AND ii.deleted_at IS NULL
  LEFT JOIN (inventory_level il
             JOIN sales_channel_stock_location scsl
               ON scsl.stock_location_id = il.location_id AND scsl.sales_channel_id = ? AND scsl.deleted_at IS NULL
             JOIN stock_location sl ON sl.id = il.location_id AND sl.deleted_at IS NULL)
    ON il.inventory_item_id = pvii.inventory_item_id AND il.deleted_at IS NULL
 WHERE pvii.variant_id = ANY(?::text[]) AND pvii.deleted_at IS NULL
 ORDER BY pvii.variant_id, pvii.inventory_item_id, il.location_id`

export async function readChannelStock(
  container: MedusaContainer,
  salesChannelId: string,
  variantIds: string[]
): Promise<ChannelStockRow[]> {
  if (!variantIds.length) return []
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await db.raw(CHANNEL_STOCK_SQL, [salesChannelId, [...new Set(variantIds)]])
  return rows as ChannelStockRow[]
}

const left = (r: ChannelStockRow) => Number(r.stocked_quantity ?? 0) - Number(r.reserved_quantity ?? 0)

/**
 * How many units of each variant the channel's stock locations can still give, all locations together
 * (what Medusa's confirmInventory and getVariantAvailability count): per inventory item, what its levels
 * there have left over its required quantity; the least of the variant's items. `items` = how many
 * inventory items the variant has; `inChannel` = whether any of them has a level in the channel.
 */
export function unitsLeft(rows: ChannelStockRow[]) {
  const perItem = new Map<string, { variant_id: string; required: number; free: number; inChannel: boolean }>()
  for (const r of rows) {
    const key = `${r.variant_id}\u0000${r.inventory_item_id}`
    const seen = perItem.get(key) ?? {
      variant_id: r.variant_id,
      required: Math.max(1, Number(r.required_quantity ?? 1)),
      free: 0,
      inChannel: false,
    }
    if (r.location_id) {
      seen.free += left(r)
      seen.inChannel = true
    }
    perItem.set(key, seen)
  }
  const out = new Map<string, { units: number; items: number; inChannel: boolean }>()
  for (const item of perItem.values()) {
    const units = Math.floor(item.free / item.required)
    const seen = out.get(item.variant_id)
    out.set(item.variant_id, {
      units: Math.max(0, Math.min(seen?.units ?? Number.POSITIVE_INFINITY, units)),
      items: (seen?.items ?? 0) + 1,
      inChannel: (seen?.inChannel ?? false) || item.inChannel,
    })
  }
  return out
}

/**
 * Per inventory item, what its best single level in the channel has left: a reservation is made at one
 * location, so a completion can take no more than that (place-order.ts's "sold out" before anything is
 * written).
 */
export function bestLevelLeft(rows: ChannelStockRow[]) {
  const out = new Map<string, number>()
  for (const r of rows) {
    const best = out.get(r.inventory_item_id) ?? 0
    out.set(r.inventory_item_id, r.location_id ? Math.max(best, left(r)) : best)
  }
  return out
}

/** A cart line of a variant whose stock is counted (managed, no backorders), in units of the variant. */
export type StockedLine = { variant_id: string; quantity: number | string }

/**
 * Whether the lines ask any inventory item for more units than the best of the channel's locations has
 * left: a reservation is made at one location, so the inventory module would refuse it. Lines of the same
 * item add up (two variants may share one). The "sold out" of both completions, answered before anything
 * is written (workflows/checkout/complete/place-order.ts, api/utils/checkout-gate.ts).
 */
export function shortOfStock(lines: StockedLine[], rows: ChannelStockRow[]): boolean {
  const itemsOf = new Map<string, Map<string, number>>()
  for (const r of rows) {
    const items = itemsOf.get(r.variant_id) ?? new Map<string, number>()
    items.set(r.inventory_item_id, Number(r.required_quantity ?? 1))
    itemsOf.set(r.variant_id, items)
  }
  const needed = new Map<string, number>()
  for (const line of lines) {
    for (const [itemId, required] of itemsOf.get(line.variant_id) ?? []) {
      needed.set(itemId, (needed.get(itemId) ?? 0) + required * Number(line.quantity))
    }
  }
  const best = bestLevelLeft(rows)
  return [...needed].some(([itemId, units]) => (best.get(itemId) ?? 0) < units)
}
