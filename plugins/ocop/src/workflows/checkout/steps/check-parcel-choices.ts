import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { optionParcels } from "../../../lib/cart-shipping-options"
import { bilingual } from "../../../lib/conflicts"
import { DELIVERY_OPTION_UNAVAILABLE } from "../../../lib/delivery-still-applies"
import type { Sql } from "../../../lib/listing-gate-database"
import { timedGuard } from "../../../observability/checkout-guards"

export type CheckoutCart = {
  id: string
  customer_id?: string | null
  customer?: { has_account?: boolean | null } | null
  region?: { payment_providers?: Array<{ id?: string | null } | null> | null } | null
}

/**
 * A cart whose customer has an account is that customer's: anyone else is told it does not exist
 * (as `workflows/hooks/cart-ownership.ts` does for transfers). Guest carts are reached by their id.
 */
export const ensureShopperOwnsCartStep = createStep(
  "ocop-ensure-shopper-owns-cart",
  async (input: { cart: CheckoutCart; customer_id?: string | null }) => {
    const { cart } = input
    if (cart.customer?.has_account && cart.customer_id !== (input.customer_id ?? null)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${cart.id} was not found`)
    }
    return new StepResponse(undefined)
  }
)

/**
 * Decision 007: each producer's parcel has its own delivery. A checkout names one option per parcel,
 * each an option of a shipping profile the cart's products ship in; Medusa would take any option and
 * two of one profile. Checked before anything is written, so a refused checkout changes nothing.
 */
export const checkParcelChoicesStep = createStep(
  "ocop-check-parcel-choices",
  async (input: { cart_id: string; option_ids: string[] }, { container }) => {
    const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql
    // The plugin's own check: timed with its other checkout work (its share of a checkout, issue 14).
    const parcels = await timedGuard("parcel_choices", () => optionParcels(db, input.cart_id, input.option_ids))
    const parcelOf = new Map(parcels.map((p) => [p.option_id, p]))
    const seen = new Set<string>()
    for (const id of input.option_ids) {
      const parcel = parcelOf.get(id)
      if (!parcel?.profile_id || !parcel.of_cart) {
        // Most often an option the shop withdrew while the checkout page was open: same code and
        // words as the completion's refusal (lib/delivery-still-applies.ts), the field named in both.
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          bilingual(
            `shipping_option_ids: ${id} không phải là cách giao hàng của các kiện hàng trong giỏ này. ` +
              "Vui lòng chọn lại cách giao hàng rồi đặt hàng.",
            `shipping_option_ids: ${id} is not a delivery option of this cart's parcels. ` +
              "Please choose delivery again, then place the order."
          ),
          DELIVERY_OPTION_UNAVAILABLE
        )
      }
      if (seen.has(parcel.profile_id)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          bilingual(
            "shipping_option_ids: chọn đúng một cách giao hàng cho mỗi kiện hàng của từng nhà sản xuất.",
            "shipping_option_ids: name one delivery option per producer's parcel."
          )
        )
      }
      seen.add(parcel.profile_id)
    }
    return new StepResponse(undefined)
  }
)

/** The payment provider must be one the cart's region offers (Medusa checks it only after the rest is written). */
export const checkPaymentProviderStep = createStep(
  "ocop-check-payment-provider",
  async (input: { cart: CheckoutCart; provider_id: string }) => {
    const offered = (input.cart.region?.payment_providers ?? []).map((p) => p?.id)
    if (!offered.includes(input.provider_id)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        bilingual(
          `provider_id: ${input.provider_id} không phải là cách thanh toán của khu vực của giỏ hàng này.`,
          `provider_id: ${input.provider_id} is not a payment method of this cart's region.`
        )
      )
    }
    return new StepResponse(undefined)
  }
)
