import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { payoutDecision } from "../../lib/settlement-rules"
import { OCOP_MODULE, type OcopModuleService } from "../../modules/ocop"
import { SETTLEMENT_MODULE, type SettlementModuleService } from "../../modules/settlement"

export type PayoutInput = {
  producer_id: string
  month: string
  amount: number
  bank_reference: string
  paid_at?: string | null
  actor_id: string | null
}

/** Inside the producer's payout lock: a known bank reference is replayed or refused, a new one created. */
export const planPayoutStep = createStep("ocop-plan-payout", async (input: PayoutInput, { container }) => {
  const ocop = container.resolve<OcopModuleService>(OCOP_MODULE)
  const settlement = container.resolve<SettlementModuleService>(SETTLEMENT_MODULE)
  const [[producer], [existing]] = await Promise.all([
    ocop.listProducers({ id: input.producer_id }, { take: 1, select: ["id"] }),
    settlement.listPayouts({ producer_id: input.producer_id, bank_reference: input.bank_reference }, { take: 1 }),
  ])
  if (!producer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer ${input.producer_id} was not found.`)
  const decision = payoutDecision(
    input,
    existing
      ? {
          id: existing.id,
          month: existing.month,
          amount: Number(existing.amount),
          bank_reference: existing.bank_reference,
        }
      : null
  )
  if ("error" in decision) throw new MedusaError(MedusaError.Types.CONFLICT, decision.error)
  return new StepResponse({ replayed_id: "replay" in decision ? decision.replay.id : null })
})
