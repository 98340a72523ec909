import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { saveFeaturedListWorkflow } from "../../../../workflows/featured/save-featured-list"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const center = (req as any).tradeCenter
  const { result } = await saveFeaturedListWorkflow(req.scope).run({
    input: {
      ...(req as any).validatedBody,
      id: req.params.id,
      province_code: center.province_code,
      trade_center_id: center.id,
      actor_type: "curator",
      actor_id: center.id,
    },
  })
  res.json({ featured_list: result })
}
