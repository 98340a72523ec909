import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { decideCertificationWorkflow } from "../../../../../../workflows/certification/decide-certification"
import { idempotencyKeyOf, markReplay } from "../../../../../utils/idempotency"

const ACTIONS = ["approve", "reject", "suspend", "reinstate", "revoke"] as const

/** POST /admin/ocop/certifications/:id/approve | reject | suspend | reinstate | revoke */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const action = req.params.action as (typeof ACTIONS)[number]
  if (!ACTIONS.includes(action))
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Unknown certification action "${req.params.action}".`)
  const { result } = await decideCertificationWorkflow(req.scope).run({
    input: {
      ...(req as any).validatedBody,
      certification_id: req.params.id,
      action,
      actor_type: "user",
      actor_id: req.auth_context?.actor_id,
      idempotency_key: idempotencyKeyOf(req),
    },
  })
  markReplay(res, result.replayed)
  res.json({ certification: result.certification })
}
