import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { auditEvent } from "../../lib/audit"
import { LOCK_TTL_SECONDS, LOCK_WAIT_SECONDS, payoutLockKey } from "../../lib/conflicts"
import { createPayoutStep } from "../steps/create-payout"
import { planPayoutStep, type PayoutInput } from "../steps/plan-payout"
import { recordAuditEventsStep } from "../steps/record-audit-events"

/** The operator records a transfer to a producer for a month, with its bank reference (audited, idempotent). */
export const recordPayoutWorkflow = createWorkflow("ocop-record-payout", (input: PayoutInput) => {
  const lockKey = transform({ input }, ({ input }) => payoutLockKey(input.producer_id))
  acquireLockStep({ key: lockKey, timeout: LOCK_WAIT_SECONDS, ttl: LOCK_TTL_SECONDS })
  const plan = planPayoutStep(input)
  const created = when({ plan }, ({ plan }) => !plan.replayed_id).then(() => {
    const record = createPayoutStep(input)
    const events = transform({ input, record }, ({ input, record }) => [
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
    ])
    recordAuditEventsStep(events)
    return record
  })
  releaseLockStep({ key: lockKey })
  const result = transform({ plan, created }, ({ plan, created }) => ({
    id: (plan.replayed_id ?? created?.id) as string,
    replayed: !!plan.replayed_id,
  }))
  return new WorkflowResponse(result)
})
