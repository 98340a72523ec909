import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { stockText } from "../../../lib/stock"
import { timedGuard } from "../../../observability/checkout-guards"

export type StockedVariant = {
  id: string
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  product?: { title?: string | null } | null
}

export type ConfirmStockInput = {
  sales_channel_id?: string | null
  /** The variants as the add read them (Medusa's productVariantsFields). */
  variants: StockedVariant[]
  /** Per variant added: the units the cart will hold of it and the units it held before. */
  lines: Array<{ variant_id: string; quantity: number; in_cart: number }>
}

type ItemRow = { variant_id: string; required_quantity: number; in_channel: boolean; free: string | number }

/**
 * Per inventory item of the variants: whether any stock location of the channel holds a level of it, and
 * what those levels have left (stocked minus reserved) — what Medusa's add reads in six statements for
 * its inventory confirmation (the variant's inventory items, their levels, the levels' locations, their
 * channels) and the stock guard read again, in one.
 */
const CHANNEL_STOCK_SQL = `
SELECT pvii.variant_id, pvii.required_quantity,
       bool_or(scsl.stock_location_id IS NOT NULL) AS in_channel,
       coalesce(sum(il.stocked_quantity - il.reserved_quantity) FILTER (WHERE scsl.stock_location_id IS NOT NULL), 0)
         AS free
  FROM product_variant_inventory_item pvii
  JOIN inventory_item ii ON ii.id = pvii.inventory_item_id AND ii.deleted_at IS NULL
  LEFT JOIN inventory_level il ON il.inventory_item_id = pvii.inventory_item_id AND il.deleted_at IS NULL
  LEFT JOIN (sales_channel_stock_location scsl
             JOIN stock_location sl ON sl.id = scsl.stock_location_id AND sl.deleted_at IS NULL)
    ON scsl.stock_location_id = il.location_id AND scsl.sales_channel_id = ? AND scsl.deleted_at IS NULL
 WHERE pvii.variant_id = ANY(?::text[]) AND pvii.deleted_at IS NULL
 GROUP BY pvii.variant_id, pvii.inventory_item_id, pvii.required_quantity`

/**
 * How many units of each variant the channel's stock locations can still give: per inventory item, what
 * its levels there have left over its required quantity; the least of the variant's items (as
 * getVariantAvailability and Medusa's confirmInventory count it).
 */
export function unitsLeft(rows: ItemRow[]) {
  const out = new Map<string, { units: number; items: number; inChannel: boolean }>()
  for (const r of rows) {
    const per = Math.floor(Number(r.free) / Math.max(1, Number(r.required_quantity ?? 1)))
    const seen = out.get(r.variant_id)
    out.set(r.variant_id, {
      units: Math.max(0, Math.min(seen?.units ?? Number.POSITIVE_INFINITY, per)),
      items: (seen?.items ?? 0) + 1,
      inChannel: (seen?.inChannel ?? false) || !!r.in_channel,
    })
  }
  return out
}

/**
 * The stock check of an add (decision 019) and Medusa's inventory confirmation in one, inside the cart's
 * lock: one read of the channel's levels where the stock guard and confirmInventoryStep each made their
 * own (and none for variants whose stock is not counted: untracked, backorders). Asking for more units
 * than the channel has left is a 400 saying how many are left, in both languages; a counted variant
 * without an inventory item or without a level in the channel is refused with Medusa's own words.
 */
export const confirmStockStep = createStep("ocop-confirm-stock", async (input: ConfirmStockInput, { container }) => {
  const channelId = input.sales_channel_id
  const counted = new Map(input.variants.filter((v) => v.manage_inventory && !v.allow_backorder).map((v) => [v.id, v]))
  const lines = input.lines.filter((l) => counted.has(l.variant_id))
  if (!channelId || !lines.length) return new StepResponse(true)
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  // Timed as the stock guard it replaces (ocop_checkout_guard_seconds: the plugin's share of a checkout).
  const { rows } = await timedGuard("stock_guard", () =>
    db.raw(CHANNEL_STOCK_SQL, [channelId, [...new Set(lines.map((l) => l.variant_id))]])
  )
  const left = unitsLeft(rows as ItemRow[])
  for (const line of lines) {
    const stock = left.get(line.variant_id)
    if (!stock?.items) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Variant ${line.variant_id} does not have any inventory items associated with it.`
      )
    }
    if (!stock.inChannel) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Sales channel ${channelId} is not associated with any stock location for variant ${line.variant_id}.`
      )
    }
    if (line.quantity <= stock.units) continue
    const title = counted.get(line.variant_id)?.product?.title ?? line.variant_id
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      stock.units > 0 ? stockText.onlyAvailable(title, stock.units, line.in_cart) : stockText.soldOut(title),
      "insufficient_stock"
    )
  }
  return new StepResponse(true)
})
