import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { findProvince } from "../../../../lib/provinces"
import { publicProducer } from "../../../../lib/public-views"

/** Active producers only, filterable by province (current or former name) and entity type. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { province, entity_type, limit, offset } = (req as any).validatedQuery
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const filters: Record<string, unknown> = { status: "active" }
  if (province) filters.province_code = findProvince(province)!.province.code
  if (entity_type) filters.entity_type = entity_type
  const [producers, count] = await ocop.listAndCountProducers(filters, {
    take: limit,
    skip: offset,
    order: { name: "ASC" },
  })
  res.json({ producers: producers.map(publicProducer), count, limit, offset })
}
