import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renewCertificationWorkflow } from "../../../../../../workflows/certification/renew-certification"
import { idempotencyKeyOf, markReplay } from "../../../../../utils/idempotency"
import { operatorOf } from "../../../operator"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await renewCertificationWorkflow(req.scope).run({
    input: {
      ...(req as any).validatedBody,
      certification_id: req.params.id,
      ...operatorOf(req),
      idempotency_key: idempotencyKeyOf(req),
    },
  })
  markReplay(res, result.replayed)
  res.status(201).json({ certification: result.certification })
}
