import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordPaymentNotificationStep } from "../steps/record-payment-notification"
import { resolveHeldForOrderStep } from "../steps/resolve-held-payment-notifications"
import { settlePaymentNotificationStep } from "../steps/settle-payment-notification"

type OperatorConfirmation = { order_id: string; amount: number; note: string; actor_id: string }

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
