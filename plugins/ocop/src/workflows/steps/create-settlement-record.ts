import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SETTLEMENT_MODULE, type SettlementModuleService } from "../../modules/settlement"

/** How one kind of settlement record is written and taken back. */
type SettlementRecord<TInput> = {
  create: (settlement: SettlementModuleService, input: TInput) => Promise<{ id: string }>
  remove: (settlement: SettlementModuleService, id: string) => Promise<void>
}

/** A step that creates one settlement record; its compensation deletes it. */
export function createSettlementRecordStep<TInput>(name: string, record: SettlementRecord<TInput>) {
  return createStep(
    name,
    async (input: TInput, { container }) => {
      const created = await record.create(container.resolve<SettlementModuleService>(SETTLEMENT_MODULE), input)
      return new StepResponse({ id: created.id }, created.id)
    },
    async (id, { container }) => {
      if (!id) return
      await record.remove(container.resolve<SettlementModuleService>(SETTLEMENT_MODULE), id)
    }
  )
}
