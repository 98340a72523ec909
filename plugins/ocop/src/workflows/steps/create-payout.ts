import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SETTLEMENT_MODULE, type SettlementModuleService } from "../../modules/settlement"
import type { PayoutInput } from "./plan-payout"

/** Records a payout; compensation deletes it. */
export const createPayoutStep = createStep(
  "ocop-create-payout",
  async (input: PayoutInput, { container }) => {
    const settlement = container.resolve<SettlementModuleService>(SETTLEMENT_MODULE)
    const created = await settlement.createPayouts({
      producer_id: input.producer_id,
      month: input.month,
      amount: input.amount,
      bank_reference: input.bank_reference,
      paid_at: input.paid_at ? new Date(input.paid_at) : new Date(),
      recorded_by_id: input.actor_id,
    })
    return new StepResponse({ id: created.id }, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<SettlementModuleService>(SETTLEMENT_MODULE).deletePayouts(id)
  }
)
