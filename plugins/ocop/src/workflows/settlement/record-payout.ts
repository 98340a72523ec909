import { auditEvent } from "../../lib/audit"
import { payoutLockKey } from "../../lib/conflicts"
import { createPayoutStep } from "../steps/create-payout"
import { planPayoutStep, type PayoutInput } from "../steps/plan-payout"
import { recordOnceUnderLockWorkflow } from "./record-once-under-lock"

/** The operator records a transfer to a producer for a month, with its bank reference (audited, idempotent). */
export const recordPayoutWorkflow = recordOnceUnderLockWorkflow<PayoutInput>("ocop-record-payout", {
  lockKey: (input) => payoutLockKey(input.producer_id),
  plan: planPayoutStep,
  create: createPayoutStep,
  audit: (input, record) =>
    auditEvent(
      {
        entity_type: "producer",
        entity_id: input.producer_id,
        action: "payout_recorded",
        message: `Payout of ${input.amount} VND for ${input.month}, bank reference ${input.bank_reference}`,
        data: {
          payout_id: record.id,
          month: input.month,
          amount: input.amount,
          bank_reference: input.bank_reference,
        },
      },
      { actor_type: "user", actor_id: input.actor_id }
    ),
})
