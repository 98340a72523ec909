import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export const defaultShippingProfileStep = createStep(
  "ocop-default-shipping-profile",
  async (_: void, { container }) => {
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const [profile] = await fulfillment.listShippingProfiles({ type: "default" }, { take: 1 })
    if (!profile)
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "No default shipping profile exists: run `npm run seed`.")
    return new StepResponse(profile.id)
  }
)
