import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const filters: Record<string, unknown> = {}
  if (typeof req.query.entity_id === "string") filters.entity_id = req.query.entity_id
  if (typeof req.query.entity_type === "string") filters.entity_type = req.query.entity_type
  const [audit_events, count] = await ocop.listAndCountAuditEvents(filters, {
    order: { created_at: "DESC" },
    take: 100,
  })
  res.json({ audit_events, count })
}
