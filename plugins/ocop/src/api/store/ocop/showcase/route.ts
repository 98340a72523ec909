import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { showcase } from "../../../../lib/featured"
import { findProvince } from "../../../../lib/provinces"
import type { StoreShowcase } from "../validators"

/**
 * GET /store/ocop/showcase?province=slug | ?group=slug — everything a shop-front page shows
 * besides search results, in one call (see lib/featured.ts `showcase`). Content in the request's
 * locale (`x-medusa-locale` or `?locale=`, read by Medusa into req.locale) through the Translation Module.
 */
export async function GET(req: MedusaRequest<unknown, z.infer<typeof StoreShowcase>>, res: MedusaResponse) {
  const { province, group } = req.validatedQuery
  const province_code = province ? findProvince(province)!.province.code : undefined
  res.setHeader("Cache-Control", "public, max-age=60")
  res.json(await showcase(req.scope, { province_code, group_slug: group, locale: req.locale }))
}
