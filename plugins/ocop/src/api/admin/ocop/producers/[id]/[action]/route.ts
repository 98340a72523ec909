import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { changeProducerStatusWorkflow } from "../../../../../../workflows/producer/change-producer-status"
import { operatorOf } from "../../../operator"

const ACTIONS = ["approve", "suspend", "reactivate"] as const

/** POST /admin/ocop/producers/:id/approve | suspend | reactivate */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const action = req.params.action as (typeof ACTIONS)[number]
  if (!ACTIONS.includes(action))
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Unknown producer action "${req.params.action}".`)
  const { result } = await changeProducerStatusWorkflow(req.scope).run({
    input: {
      producer_id: req.params.id,
      action,
      reason: (req as any).validatedBody?.reason,
      ...operatorOf(req),
    },
  })
  res.json({ producer: result })
}
