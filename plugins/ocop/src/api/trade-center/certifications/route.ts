import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../modules/ocop"

/** The certifications of the curator's province only (the province filter is not negotiable). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset, status } = (req as any).validatedQuery
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const filters: Record<string, unknown> = { province_code: (req as any).tradeCenter.province_code }
  if (status) filters.status = status
  const [certifications, count] = await ocop.listAndCountCertifications(filters, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC" },
    relations: ["producer"],
  })
  // Curators decide about products by name, not by id.
  const ids = [...new Set(certifications.map((c) => c.product_id))]
  const products = ids.length
    ? await req.scope.resolve(Modules.PRODUCT).listProducts({ id: ids }, { select: ["id", "title", "handle"] })
    : []
  const byId = new Map(products.map((p: any) => [p.id, { id: p.id, title: p.title, handle: p.handle }]))
  res.json({
    certifications: certifications.map((c: any) => ({
      ...c,
      product: byId.get(c.product_id) ?? null,
      producer: c.producer ? { id: c.producer.id, name: c.producer.name, handle: c.producer.handle } : null,
    })),
    count,
    limit,
    offset,
  })
}
