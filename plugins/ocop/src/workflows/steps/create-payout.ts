import { createSettlementRecordStep } from "./create-settlement-record"
import type { PayoutInput } from "./plan-payout"

/** Records a payout (who recorded it: the operator); compensation deletes it. */
export const createPayoutStep = createSettlementRecordStep<PayoutInput>("ocop-create-payout", {
  create: (settlement, { actor_id, paid_at, ...payout }) =>
    settlement.createPayouts({
      ...payout,
      paid_at: paid_at ? new Date(paid_at) : new Date(),
      recorded_by_id: actor_id,
    }),
  remove: (settlement, id) => settlement.deletePayouts(id),
})
