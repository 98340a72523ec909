import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { saveFeaturedListWorkflow } from "../../../../workflows/featured/save-featured-list"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  res.json({ featured_lists: await ocop.listFeaturedLists({}, { order: { created_at: "DESC" } }) })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await saveFeaturedListWorkflow(req.scope).run({
    input: { ...(req as any).validatedBody, actor_type: "user", actor_id: req.auth_context.actor_id },
  })
  res.status(201).json({ featured_list: result })
}
