import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { auditEvent } from "../../lib/audit"
import { LOCK_TTL_SECONDS, LOCK_WAIT_SECONDS, orderPartLockKey } from "../../lib/conflicts"
import { createCashCollectionStep } from "../steps/create-cash-collection"
import { planCashCollectionStep, type CashCollectionInput } from "../steps/plan-cash-collection"
import { recordAuditEventsStep } from "../steps/record-audit-events"

/**
 * The producer (or the operator) records the cash paid on delivery for one producer's part of an
 * order. The part's lock serialises parallel clicks: one records, the others replay its record.
 */
export const recordCashCollectionWorkflow = createWorkflow(
  "ocop-record-cash-collection",
  (input: CashCollectionInput) => {
    const lockKey = transform({ input }, ({ input }) => orderPartLockKey(input.order_id, input.producer_id))
    acquireLockStep({ key: lockKey, timeout: LOCK_WAIT_SECONDS, ttl: LOCK_TTL_SECONDS })
    const plan = planCashCollectionStep(input)
    const created = when({ plan }, ({ plan }) => !plan.replayed_id).then(() => {
      const record = createCashCollectionStep(input)
      const events = transform({ input, record }, ({ input, record }) => [
        auditEvent(
          {
            entity_type: "producer",
            entity_id: input.producer_id,
            action: "cash_collected",
            message: `Order ${input.order_id}: ${input.amount} VND collected by the ${input.collected_by}`,
            data: {
              cash_collection_id: record.id,
              order_id: input.order_id,
              amount: input.amount,
              collected_by: input.collected_by,
            },
          },
          { actor_type: input.actor_type, actor_id: input.actor_id }
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
  }
)
