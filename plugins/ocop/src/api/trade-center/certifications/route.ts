import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../modules/ocop"

/** The certifications of the curator's province only (the province filter is not negotiable). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset, status } = (req as any).validatedQuery
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const filters: Record<string, unknown> = { province_code: (req as any).tradeCenter.province_code }
  if (status) filters.status = status
  const [certifications, count] = await ocop.listAndCountCertifications(filters, { take: limit, skip: offset, order: { created_at: "DESC" } })
  res.json({ certifications, count, limit, offset })
}
