import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../modules/ocop"
import { curatorRequest } from "../curator-request"
import { newestFirst } from "../../utils/list-page"

/** The producers of the curator's province (the province filter is injected, never taken from the query). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { center, query } = curatorRequest<{ status?: string; limit: number; offset: number }>(req)
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const where: Record<string, unknown> = { province_code: center.province_code }
  if (query.status) where.status = query.status
  const [producers, count] = await ocop.listAndCountProducers(where, {
    ...newestFirst(query),
    select: ["id", "name", "handle", "entity_type", "province_code", "ward", "phone", "email", "logo_url", "status"],
  })
  res.json({ producers, count, limit: query.limit, offset: query.offset })
}
