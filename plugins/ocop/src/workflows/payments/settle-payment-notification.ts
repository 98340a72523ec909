import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { recordPaymentNotificationStep, type PaymentNotificationInput } from "../steps/record-payment-notification"
import { settlePaymentNotificationStep } from "../steps/settle-payment-notification"

export const PAYMENT_SETTLED_EVENT = "ocop.payment.settled"

/**
 * A payment notification (payOS transfer, VNPay IPN) or an operator's confirmation: recorded once in
 * the ledger, then applied to its order (captured → "paid") or held for an operator.
 */
export const settlePaymentNotificationWorkflow = createWorkflow(
  "ocop-settle-payment-notification",
  (input: PaymentNotificationInput) => {
    const row = recordPaymentNotificationStep(input)
    const settleInput = transform({ input, row }, ({ input, row }) => ({
      notification_row_id: row.id,
      reference: input.reference,
      order_id: input.order_id ?? null,
      amount: input.amount,
    }))
    const result = settlePaymentNotificationStep(settleInput)
    const event = transform({ result, row }, ({ result, row }) => ({
      eventName: PAYMENT_SETTLED_EVENT,
      data: { notification_id: row.id, order_id: result.order_id, outcome: result.outcome },
    }))
    emitEventStep(event)
    return new WorkflowResponse(result)
  }
)
