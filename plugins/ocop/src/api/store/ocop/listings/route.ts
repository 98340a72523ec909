import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { listingSummaries } from "../../../../lib/public-views"

/** OCOP facts (stars, province, group, producer) for product cards; unlisted products are left out. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { product_id } = (req as any).validatedQuery
  res.json({ listings: await listingSummaries(req.scope.resolve<OcopModuleService>(OCOP_MODULE), product_id) })
}
