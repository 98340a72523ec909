import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_PAYMENT_MODULE } from "../../modules/ocop-payment"
import type OcopPaymentModuleService from "../../modules/ocop-payment/service"

/** Transfers held for this order are settled by the operator's decision. */
export const resolveHeldForOrderStep = createStep(
  "ocop-resolve-held-payment-notifications",
  async (input: { order_id: string; actor_id: string; applied: boolean }, { container }) => {
    if (!input.applied) return new StepResponse([] as string[])
    const ledger: OcopPaymentModuleService = container.resolve(OCOP_PAYMENT_MODULE)
    const held = await ledger.listPaymentNotifications({ order_id: input.order_id, outcome: "held" })
    if (held.length) {
      await ledger.updatePaymentNotifications(
        held.map((h) => ({ id: h.id, outcome: "resolved" as const, resolved_by: input.actor_id }))
      )
    }
    return new StepResponse(held.map((h) => h.id))
  }
)
