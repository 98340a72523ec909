import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { SETTLEMENT_MODULE, type SettlementModuleService } from "../../../../modules/settlement"
import { setCommissionRateWorkflow } from "../../../../workflows/settlement/set-commission-rate"
import type { AdminSetCommissionRate } from "../../../settlement/validators"

/** Every commission rate, newest month first ("*" = every product group without its own rate). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const settlement = req.scope.resolve<SettlementModuleService>(SETTLEMENT_MODULE)
  const commission_rates = await settlement.listCommissionRates(
    {},
    { order: { effective_from: "DESC", product_group: "ASC" } }
  )
  res.json({ commission_rates })
}

/** Sets the rate of a product group from a month on (the same group and month again replaces it). */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminSetCommissionRate>>,
  res: MedusaResponse
) {
  const { result } = await setCommissionRateWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.json({ commission_rate: result })
}
