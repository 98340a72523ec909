import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SETTLEMENT_MODULE, type SettlementModuleService } from "../../modules/settlement"

export type CommissionRateInput = {
  product_group: string
  rate_bps: number
  effective_from: string
  actor_id: string | null
}

type Undo = { created_id: string } | { id: string; rate_bps: number; set_by_id: string | null }

/** Sets the rate of a group from a month (one row per group and month); compensation puts back what was there. */
export const saveCommissionRateStep = createStep(
  "ocop-save-commission-rate",
  async (input: CommissionRateInput, { container }) => {
    const settlement = container.resolve<SettlementModuleService>(SETTLEMENT_MODULE)
    const [existing] = await settlement.listCommissionRates(
      { product_group: input.product_group, effective_from: input.effective_from },
      { take: 1 }
    )
    if (existing) {
      const updated = await settlement.updateCommissionRates({
        id: existing.id,
        rate_bps: input.rate_bps,
        set_by_id: input.actor_id,
      })
      const undo: Undo = { id: existing.id, rate_bps: existing.rate_bps, set_by_id: existing.set_by_id }
      return new StepResponse(updated, undo)
    }
    const created = await settlement.createCommissionRates({
      product_group: input.product_group,
      rate_bps: input.rate_bps,
      effective_from: input.effective_from,
      set_by_id: input.actor_id,
    })
    return new StepResponse(created, { created_id: created.id } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const settlement = container.resolve<SettlementModuleService>(SETTLEMENT_MODULE)
    if ("created_id" in undo) await settlement.deleteCommissionRates(undo.created_id)
    else await settlement.updateCommissionRates(undo)
  }
)
