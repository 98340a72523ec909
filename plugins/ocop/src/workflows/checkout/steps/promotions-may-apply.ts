import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Whether a promotion could change once the cart's shipping methods are set: the cart holds a code, or
 * the shop has an automatic promotion. Neither → Medusa's promotion refresh would find nothing to
 * apply, and is skipped.
 */
export const promotionsMayApplyStep = createStep(
  "ocop-promotions-may-apply",
  async (input: { promo_codes: string[] }, { container }) => {
    if (input.promo_codes.length) return new StepResponse(true)
    const automatic = await container
      .resolve(Modules.PROMOTION)
      .listPromotions({ is_automatic: true }, { select: ["id"], take: 1 })
    return new StepResponse(automatic.length > 0)
  }
)
