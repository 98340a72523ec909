import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { registerProducerWorkflow } from "../../../../workflows/producer/register-producer"
import { newestFirst } from "../../../utils/list-page"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset, q, ...filters } = (req as any).validatedQuery
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const where: Record<string, unknown> = { ...filters }
  if (q) where.q = q
  const [producers, count] = await ocop.listAndCountProducers(where, newestFirst({ limit, offset }))
  res.json({ producers, count, limit, offset })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await registerProducerWorkflow(req.scope).run({
    input: { ...(req as any).validatedBody, actor_type: "user", actor_id: req.auth_context?.actor_id },
  })
  res.status(201).json({ producer: result })
}
