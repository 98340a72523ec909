import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

export type CartRefreshFacts = {
  shipping_methods?: Array<{ id: string } | null> | null
  promotions?: Array<{ id: string } | null> | null
  payment_collection?: { id: string } | null
}

/**
 * Whether a new line can change anything Medusa's cart refresh recomputes besides the line's own tax
 * lines: the cart's shipping methods (their price and validity follow the items), its promotions and
 * any automatic promotion the store runs (adjustments follow the items), its payment collection (its
 * amount follows the total). A cart with none of them — every cart while the shopper is still adding
 * products — has nothing the refresh could change, so the refresh is skipped.
 */
export const cartRefreshNeededStep = createStep(
  "ocop-cart-refresh-needed",
  async (cart: CartRefreshFacts, { container }) => {
    const present = (list?: Array<unknown> | null) => (list ?? []).some(Boolean)
    if (present(cart.shipping_methods) || present(cart.promotions) || cart.payment_collection?.id) {
      return new StepResponse(true)
    }
    const promotions = container.resolve(Modules.PROMOTION)
    const automatic = await promotions.listPromotions({ is_automatic: true }, { take: 1, select: ["id"] })
    return new StepResponse(automatic.length > 0)
  }
)
