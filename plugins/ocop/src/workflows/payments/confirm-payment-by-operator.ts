import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { recordPaymentNotificationStep } from "../steps/record-payment-notification"
import { settlePaymentNotificationStep } from "../steps/settle-payment-notification"
import { OCOP_PAYMENT_MODULE } from "../../modules/ocop-payment"
import type OcopPaymentModuleService from "../../modules/ocop-payment/service"

type OperatorConfirmation = { order_id: string; amount: number; note: string; actor_id: string }

/** Transfers held for this order are settled by the operator's decision. */
const resolveHeldForOrderStep = createStep(
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

/**
 * An operator confirms by hand that an order's money arrived: one ledger row per order (a second
 * click is a 409), the payment captured like a signed notification would.
 */
export const confirmPaymentByOperatorWorkflow = createWorkflow(
  "ocop-confirm-payment-by-operator",
  (input: OperatorConfirmation) => {
    const notification = transform({ input }, ({ input }) => ({
      provider: "operator" as const,
      notification_id: `order:${input.order_id}`,
      reference: null,
      amount: input.amount,
      order_id: input.order_id,
      payload: { note: input.note, actor_id: input.actor_id },
    }))
    const row = recordPaymentNotificationStep(notification)
    const settleInput = transform({ input, row }, ({ input, row }) => ({
      notification_row_id: row.id,
      reference: null,
      order_id: input.order_id,
      amount: input.amount,
    }))
    const result = settlePaymentNotificationStep(settleInput)
    const resolveInput = transform({ input, result }, ({ input, result }) => ({
      order_id: input.order_id,
      actor_id: input.actor_id,
      applied: result.outcome === "applied",
    }))
    resolveHeldForOrderStep(resolveInput)
    return new WorkflowResponse(result)
  }
)
