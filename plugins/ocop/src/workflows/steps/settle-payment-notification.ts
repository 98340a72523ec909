import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Sql } from "../../lib/listing-gate-database"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { OCOP_PAYMENT_MODULE } from "../../modules/ocop-payment"
import type OcopPaymentModuleService from "../../modules/ocop-payment/service"
import { prepaidPaymentByReference, prepaidPaymentOfOrder } from "../../lib/prepaid-orders"
import { paymentNotificationLockKey, settlementDecision, type HoldReason } from "../../lib/payment-settlement"
import { LOCK_WAIT_SECONDS } from "../../lib/conflicts"

export type SettleInput = {
  notification_row_id: string
  reference: string | null
  order_id?: string | null
  amount: number
}

export type SettleResult = {
  outcome: "applied" | "held"
  reason: HoldReason | null
  order_id: string | null
  payment_id: string | null
}

/**
 * Applies the money to the order it names when the amount is exactly the order's and the order still
 * waits, under the payment's lock (two different notifications for one order cannot both capture);
 * otherwise the ledger row is held for an operator. The last step: a capture is not undone.
 */
export const settlePaymentNotificationStep = createStep(
  "ocop-settle-payment-notification",
  async (input: SettleInput, { container }) => {
    const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql
    const ledger: OcopPaymentModuleService = container.resolve(OCOP_PAYMENT_MODULE)
    const find = () =>
      input.order_id ? prepaidPaymentOfOrder(db, input.order_id) : prepaidPaymentByReference(db, input.reference ?? "")
    const first = await find()
    const settle = async (): Promise<SettleResult> => {
      const payment = await find()
      const decision = settlementDecision(payment, input.amount)
      if (decision.outcome === "applied" && payment) {
        await capturePaymentWorkflow(container).run({
          input: { payment_id: payment.payment_id, amount: payment.amount },
        })
      }
      const reason = decision.outcome === "held" ? decision.reason : null
      await ledger.updatePaymentNotifications({
        id: input.notification_row_id,
        outcome: decision.outcome,
        reason,
        order_id: payment?.order_id ?? null,
        payment_id: payment?.payment_id ?? null,
      })
      return {
        outcome: decision.outcome,
        reason,
        order_id: payment?.order_id ?? null,
        payment_id: payment?.payment_id ?? null,
      }
    }
    const result = first
      ? await container
          .resolve(Modules.LOCKING)
          .execute(paymentNotificationLockKey(first.payment_id), settle, { timeout: LOCK_WAIT_SECONDS })
      : await settle()
    return new StepResponse(result)
  }
)
