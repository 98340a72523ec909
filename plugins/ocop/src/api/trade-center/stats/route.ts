import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../modules/ocop"

/** Province figures: current approved certifications by star level and product group. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const province_code = (req as any).tradeCenter.province_code
  const certs = await ocop.listCertifications(
    { province_code, status: "approved", is_current: true },
    { select: ["stars", "group_slug"] }
  )
  const by_stars: Record<string, number> = { "3": 0, "4": 0, "5": 0 }
  const by_group: Record<string, number> = {}
  for (const c of certs) {
    by_stars[String(c.stars)] = (by_stars[String(c.stars)] ?? 0) + 1
    by_group[c.group_slug] = (by_group[c.group_slug] ?? 0) + 1
  }
  res.json({ province_code, approved: certs.length, by_stars, by_group })
}
