import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { saveFeaturedListWorkflow } from "../../../../workflows/featured/save-featured-list"
import { createdByOperator } from "../operator"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  res.json({ featured_lists: await ocop.listFeaturedLists({}, { order: { created_at: "DESC" } }) })
}

export const POST = createdByOperator(saveFeaturedListWorkflow, "featured_list")
