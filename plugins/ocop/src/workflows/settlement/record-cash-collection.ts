import { auditEvent } from "../../lib/audit"
import { orderPartLockKey } from "../../lib/conflicts"
import { createCashCollectionStep } from "../steps/create-cash-collection"
import { planCashCollectionStep, type CashCollectionInput } from "../steps/plan-cash-collection"
import { recordOnceUnderLockWorkflow } from "./record-once-under-lock"

/**
 * The producer (or the operator) records the cash paid on delivery for one producer's part of an
 * order. The part's lock serialises parallel clicks: one records, the others replay its record.
 */
export const recordCashCollectionWorkflow = recordOnceUnderLockWorkflow<CashCollectionInput>(
  "ocop-record-cash-collection",
  {
    lockKey: (input) => orderPartLockKey(input.order_id, input.producer_id),
    plan: planCashCollectionStep,
    create: createCashCollectionStep,
    audit: (input, record) =>
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
  }
)
