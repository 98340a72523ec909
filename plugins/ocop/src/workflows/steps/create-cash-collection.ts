import { createSettlementRecordStep } from "./create-settlement-record"
import type { CashCollectionInput } from "./plan-cash-collection"

/** Records the cash of one order part (who recorded it: the actor); compensation deletes it. */
export const createCashCollectionStep = createSettlementRecordStep<CashCollectionInput>("ocop-create-cash-collection", {
  create: (settlement, { actor_type, actor_id, collected_at, ...collection }) =>
    settlement.createCashCollections({
      ...collection,
      collected_at: collected_at ? new Date(collected_at) : new Date(),
      recorded_by_type: actor_type,
      recorded_by_id: actor_id,
    }),
  remove: (settlement, id) => settlement.deleteCashCollections(id),
})
