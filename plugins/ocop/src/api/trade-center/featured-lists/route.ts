import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../modules/ocop"
import { saveFeaturedListWorkflow } from "../../../workflows/featured/save-featured-list"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  res.json({
    featured_lists: await ocop.listFeaturedLists(
      { trade_center_id: (req as any).tradeCenter.id },
      { order: { created_at: "DESC" } }
    ),
  })
}

/** Curators curate for their own province only: province and owner are set here, not taken from the body. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const center = (req as any).tradeCenter
  const { result } = await saveFeaturedListWorkflow(req.scope).run({
    input: {
      ...(req as any).validatedBody,
      province_code: center.province_code,
      trade_center_id: center.id,
      actor_type: "curator",
      actor_id: center.id,
    },
  })
  res.status(201).json({ featured_list: result })
}
