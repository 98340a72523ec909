import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { stockRefusal } from "./stock-guard"

/**
 * POST /store/ocop/carts: the stock guard of an add (decision 019) for a cart that does not exist yet —
 * the key's channel, nothing in the cart. Runs after the body was validated.
 */
export async function refuseMoreThanAvailableForNewCart(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const { variant_id, quantity } = (req as unknown as { validatedBody: { variant_id: string; quantity: number } })
    .validatedBody
  const channel = (req as unknown as { publishable_key_context?: { sales_channel_ids?: string[] } })
    .publishable_key_context?.sales_channel_ids?.[0]
  if (!channel) return next()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const refusal = await stockRefusal(query, { salesChannelId: channel, variantId: variant_id, quantity, inCart: 0 })
  if (!refusal) return next()
  res.status(400).json(refusal)
}
