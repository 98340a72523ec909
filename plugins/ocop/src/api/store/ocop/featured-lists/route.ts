import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { activeFeaturedLists } from "../../../../lib/featured"
import { findProvince } from "../../../../lib/provinces"

/** GET /store/ocop/featured-lists?placement=home|province|campaign&province=slug */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { placement, province } = (req as any).validatedQuery
  const province_code = province ? findProvince(province)!.province.code : undefined
  res.setHeader("Cache-Control", "public, max-age=60")
  res.json({
    featured_lists: await activeFeaturedLists(req.scope, {
      placements: [placement],
      province_code,
      locale: req.locale,
    }),
  })
}
