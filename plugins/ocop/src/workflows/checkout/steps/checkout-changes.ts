import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type CheckoutChangesInput, checkoutChanges } from "../../../lib/checkout-changes"
import type { Sql } from "../../../lib/listing-gate-database"

/**
 * What the checkout's refreshes could still change (lib/checkout-changes.ts): one read, so that
 * Medusa's price, tax and promotion refreshes run only when they could write something.
 */
export const checkoutChangesStep = createStep(
  "ocop-checkout-changes",
  async (input: CheckoutChangesInput, { container }) => {
    const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql
    return new StepResponse(await checkoutChanges(db, input))
  }
)
