import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SETTLEMENT_MODULE, type SettlementModuleService } from "../../modules/settlement"
import type { CashCollectionInput } from "./plan-cash-collection"

/** Records the cash of one order part; compensation deletes it. */
export const createCashCollectionStep = createStep(
  "ocop-create-cash-collection",
  async (input: CashCollectionInput, { container }) => {
    const settlement = container.resolve<SettlementModuleService>(SETTLEMENT_MODULE)
    const created = await settlement.createCashCollections({
      order_id: input.order_id,
      producer_id: input.producer_id,
      amount: input.amount,
      collected_by: input.collected_by,
      collected_at: input.collected_at ? new Date(input.collected_at) : new Date(),
      recorded_by_type: input.actor_type,
      recorded_by_id: input.actor_id,
    })
    return new StepResponse({ id: created.id }, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<SettlementModuleService>(SETTLEMENT_MODULE).deleteCashCollections(id)
  }
)
