import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getMarketplaceChannelId } from "../../lib/marketplace-channel"
import { evaluateListings } from "../../lib/listing-evaluation"
import { describeGateReasons } from "../../lib/listing-gate"

type ChannelRef = string | { id?: string }
const channelIds = (list: unknown): string[] =>
  Array.isArray(list)
    ? (list as ChannelRef[]).map((c) => (typeof c === "string" ? c : (c?.id ?? ""))).filter(Boolean)
    : []

/**
 * Medusa's own Admin API can put any product into any sales channel. The marketplace channel is
 * derived state owned by the listing gate, so these requests are refused with a 400 that says why
 * unless the gate already lists the product.
 */
export async function guardMarketplaceChannel(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const body: any = req.body ?? {}
  let marketplaceId: string
  try {
    marketplaceId = await getMarketplaceChannelId(req.scope)
  } catch {
    return next() // no marketplace yet (fresh database): nothing to protect
  }
  const path = req.path
  const newProducts: string[] = []
  const existing: string[] = []

  const addsMarketplace = (product: any) => channelIds(product?.sales_channels).includes(marketplaceId)
  if (/\/admin\/sales-channels\/[^/]+\/products/.test(path)) {
    if (req.params.id === marketplaceId) existing.push(...((body.add ?? []) as string[]))
  } else if (/\/admin\/products\/batch$/.test(path)) {
    for (const p of body.create ?? []) if (addsMarketplace(p)) newProducts.push(p.title ?? "new product")
    for (const p of body.update ?? []) if (addsMarketplace(p) && p.id) existing.push(p.id)
  } else if (/\/admin\/products\/?$/.test(path)) {
    if (addsMarketplace(body)) newProducts.push(body.title ?? "new product")
  } else if (req.params.id && addsMarketplace(body)) {
    existing.push(req.params.id)
  }

  if (newProducts.length) {
    return res.status(400).json({
      type: "invalid_data",
      message: `"${newProducts[0]}" cannot be put into the OCOP marketplace sales channel: a new product has no approved OCOP certification yet. Create it in another channel, attach it to its producer and get its certification approved; the marketplace then lists it automatically.`,
    })
  }
  if (existing.length) {
    const evaluations = await evaluateListings(req.scope, existing)
    const refused = evaluations.filter((e) => !e.exists || !e.listed)
    if (refused.length) {
      const first = refused[0]
      return res.status(400).json({
        type: "invalid_data",
        message: `Product ${first.product_id} cannot be listed in the OCOP marketplace: ${describeGateReasons(first.reasons)}.`,
        products: refused.map((e) => ({ product_id: e.product_id, reasons: e.reasons })),
      })
    }
  }
  next()
}
