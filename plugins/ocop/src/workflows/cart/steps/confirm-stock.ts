import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { stockText } from "../../../lib/stock"
import { prepareConfirmInventoryInput } from "../medusa-cart-internals"

type Level = {
  location_id?: string
  stocked_quantity?: unknown
  reserved_quantity?: unknown
  raw_stocked_quantity?: unknown
  raw_reserved_quantity?: unknown
  stock_locations?: Array<{ id: string; sales_channels?: Array<{ id: string } | null> | null } | null> | null
}
export type StockedVariant = {
  id: string
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  product?: { title?: string | null } | null
  inventory_items?: Array<{
    inventory_item_id: string
    required_quantity?: number | null
    inventory?: { location_levels?: Array<Level | null> | null } | null
  } | null> | null
}

export type ConfirmStockInput = {
  sales_channel_id?: string | null
  /** The variants as the add read them, inside the cart's lock, with their inventory levels. */
  variants: StockedVariant[]
  /** Per variant added: the units the cart will hold of it and the units it held before. */
  lines: Array<{ variant_id: string; quantity: number; in_cart: number }>
}

const num = (v: unknown) => MathBN.convert((v as never) ?? 0).toNumber()

/**
 * How many units of a variant the channel's stock locations can still give (stocked minus reserved, per
 * inventory item over its required quantity; the least of its items), or null when the shop does not
 * count them (untracked stock, backorders) — what getVariantAvailability gives, from the levels at hand.
 */
export function availableUnits(variant: StockedVariant, channelId: string): number | null {
  if (!variant.manage_inventory || variant.allow_backorder) return null
  let units = Number.POSITIVE_INFINITY
  for (const item of variant.inventory_items ?? []) {
    if (!item) continue
    const inChannel = (item.inventory?.location_levels ?? []).filter((level) =>
      (level?.stock_locations ?? []).some((l) => (l?.sales_channels ?? []).some((c) => c?.id === channelId))
    ) as Level[]
    const free = inChannel.reduce(
      (sum, l) =>
        sum + num(l.raw_stocked_quantity ?? l.stocked_quantity) - num(l.raw_reserved_quantity ?? l.reserved_quantity),
      0
    )
    units = Math.min(units, Math.floor(free / Math.max(1, Number(item.required_quantity ?? 1))))
  }
  return Number.isFinite(units) ? Math.max(0, units) : 0
}

/**
 * The stock check of an add (decision 019) and Medusa's inventory confirmation in one, on the inventory
 * levels the add read with its variants — one read where the stock guard and confirmInventoryStep each
 * made their own. Asking for more units than the channel has left is a 400 saying how many are left, in
 * both languages; Medusa's own refusals (a variant without inventory items or without a stock location
 * in the cart's channel) stay as Medusa words them.
 */
export const confirmStockStep = createStep("ocop-confirm-stock", async (input: ConfirmStockInput) => {
  const channelId = input.sales_channel_id
  if (!channelId) return new StepResponse(true)
  prepareConfirmInventoryInput({
    input: {
      sales_channel_id: channelId,
      variants: input.variants,
      items: input.lines.map((l) => ({ variant_id: l.variant_id, quantity: l.quantity })),
      itemsToUpdate: [],
    },
  })
  const byId = new Map(input.variants.map((v) => [v.id, v]))
  for (const line of input.lines) {
    const variant = byId.get(line.variant_id)
    const available = variant ? availableUnits(variant, channelId) : null
    if (available === null || line.quantity <= available) continue
    const title = variant?.product?.title ?? line.variant_id
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      available > 0 ? stockText.onlyAvailable(title, available, line.in_cart) : stockText.soldOut(title),
      "insufficient_stock"
    )
  }
  return new StepResponse(true)
})
