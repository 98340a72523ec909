import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listShippingOptionsForCartWorkflow } from "@medusajs/medusa/core-flows"
import { cartShippingOptionIds } from "../../../lib/cart-shipping-options"
import { timedGuard } from "../../../observability/checkout-guards"

/**
 * GET /store/shipping-options?cart_id= — Medusa's route (same query validation, same answer), asked
 * only for the options of the cart's producers' shipping profiles (decision 007) instead of every
 * producer's, which it would list and price one by one.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { cart_id, is_return } = req.filterableFields as { cart_id: string; is_return?: boolean }
  const optionIds = await timedGuard("cart_shipping_profiles", () => cartShippingOptionIds(req.scope, cart_id))
  if (optionIds && !optionIds.length) return res.json({ shipping_options: [] })
  const { result: shipping_options } = await listShippingOptionsForCartWorkflow(req.scope).run({
    input: {
      cart_id,
      is_return: !!is_return,
      fields: req.queryConfig.fields,
      ...(optionIds ? { option_ids: optionIds } : {}),
    },
  })
  res.json({ shipping_options })
}
