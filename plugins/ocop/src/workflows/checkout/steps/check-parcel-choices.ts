import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { timedGuard } from "../../../observability/checkout-guards"

export type CheckoutCart = {
  id: string
  customer_id?: string | null
  customer?: { has_account?: boolean | null } | null
  items?: Array<{ product?: { shipping_profile?: { id?: string | null } | null } | null } | null> | null
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
  async (input: { cart: CheckoutCart; option_ids: string[] }, { container }) => {
    const profiles = new Set(
      (input.cart.items ?? []).map((i) => i?.product?.shipping_profile?.id).filter((id): id is string => !!id)
    )
    // The plugin's own check: timed with its other checkout work (its share of a checkout, issue 14).
    const options = await timedGuard("parcel_choices", () =>
      container
        .resolve(Modules.FULFILLMENT)
        .listShippingOptions({ id: input.option_ids }, { select: ["id", "shipping_profile_id"] })
    )
    const profileOf = new Map(options.map((o) => [o.id, o.shipping_profile_id ?? ""]))
    const seen = new Set<string>()
    for (const id of input.option_ids) {
      const profile = profileOf.get(id)
      if (profile === undefined || !profiles.has(profile)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `shipping_option_ids: ${id} is not a delivery option of this cart's parcels`
        )
      }
      if (seen.has(profile)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "shipping_option_ids: name one delivery option per producer's parcel"
        )
      }
      seen.add(profile)
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
        `provider_id: ${input.provider_id} is not a payment method of this cart's region`
      )
    }
    return new StepResponse(undefined)
  }
)
