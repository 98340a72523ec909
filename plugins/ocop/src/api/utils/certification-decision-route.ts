import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { decideCertificationWorkflow } from "../../workflows/certification/decide-certification"
import type { z } from "@medusajs/framework/zod"
import type { AdminCertificationAction } from "../admin/ocop/validators"
import { idempotencyKeyOf, markReplay } from "./idempotency"

const ACTIONS = ["approve", "reject", "suspend", "reinstate", "revoke"] as const
type DecisionBody = z.infer<typeof AdminCertificationAction>

/**
 * POST …/certifications/:id/approve | reject | suspend | reinstate | revoke, for an operator
 * (`user`, Admin API) or a curator (`/trade-center`, whose middlewares have already refused other
 * provinces): the same decision workflow, recorded with who decided.
 */
export function certificationDecisionRoute(actorType: "user" | "curator") {
  return async function decideCertification(req: AuthenticatedMedusaRequest<DecisionBody>, res: MedusaResponse) {
    const action = req.params.action as (typeof ACTIONS)[number]
    if (!ACTIONS.includes(action))
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Unknown certification action "${req.params.action}".`)
    const { result } = await decideCertificationWorkflow(req.scope).run({
      input: {
        ...req.validatedBody,
        certification_id: req.params.id,
        action,
        actor_type: actorType,
        actor_id: req.auth_context?.actor_id,
        idempotency_key: idempotencyKeyOf(req),
      },
    })
    markReplay(res, result.replayed)
    res.json({ certification: result.certification })
  }
}
