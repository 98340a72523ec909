import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { submitCertificationWorkflow } from "../../../../workflows/certification/submit-certification"
import { newestFirst } from "../../../utils/list-page"
import { createdByOperator } from "../operator"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset, ...filters } = (req as any).validatedQuery
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const [certifications, count] = await ocop.listAndCountCertifications(filters, newestFirst({ limit, offset }))
  res.json({ certifications, count, limit, offset })
}

export const POST = createdByOperator(submitCertificationWorkflow, "certification")
