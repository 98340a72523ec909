import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readChannelStock, unitsLeft } from "../../../lib/channel-stock"
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
  // Timed as the stock guard it replaces (ocop_checkout_guard_seconds: the plugin's share of a checkout).
  const rows = await timedGuard("stock_guard", () =>
    readChannelStock(
      container,
      channelId,
      lines.map((l) => l.variant_id)
    )
  )
  const left = unitsLeft(rows)
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
