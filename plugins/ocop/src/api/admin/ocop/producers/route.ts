import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { registerProducerWorkflow } from "../../../../workflows/producer/register-producer"
import { newestFirst } from "../../../utils/list-page"
import { createdByOperator } from "../operator"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset, q, ...filters } = (req as any).validatedQuery
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const where: Record<string, unknown> = { ...filters }
  if (q) where.q = q
  const [producers, count] = await ocop.listAndCountProducers(where, newestFirst({ limit, offset }))
  res.json({ producers, count, limit, offset })
}

export const POST = createdByOperator(registerProducerWorkflow, "producer")
