import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { submitCertificationWorkflow } from "../../../../workflows/certification/submit-certification"
import { newestFirst } from "../../../utils/list-page"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset, ...filters } = (req as any).validatedQuery
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const [certifications, count] = await ocop.listAndCountCertifications(filters, newestFirst({ limit, offset }))
  res.json({ certifications, count, limit, offset })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await submitCertificationWorkflow(req.scope).run({
    input: { ...(req as any).validatedBody, actor_type: "user", actor_id: req.auth_context?.actor_id },
  })
  res.status(201).json({ certification: result })
}
