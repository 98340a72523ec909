import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"

/**
 * POST /hooks/payment/:provider — Medusa queues any body for any provider name and answers 200,
 * even for a provider this shop does not use (Stripe without STRIPE_API_KEY). Only providers that
 * are registered and enabled receive webhooks; the others are 404, like any unknown route.
 */
export async function refuseUnconfiguredPaymentWebhook(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const payments = req.scope.resolve(Modules.PAYMENT)
  const [provider] = await payments.listPaymentProviders({ id: `pp_${req.params.provider}`, is_enabled: true } as any, {
    take: 1,
  })
  if (provider) return next()
  res
    .status(404)
    .json({ type: "not_found", message: `No payment provider "${req.params.provider}" is configured on this shop.` })
}
