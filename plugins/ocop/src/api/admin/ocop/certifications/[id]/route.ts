import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../../../modules/ocop"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const [certification] = await ocop.listCertifications({ id: req.params.id }, { take: 1 })
  if (!certification)
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Certification ${req.params.id} was not found.`)
  const audit = await ocop.listAuditEvents(
    { entity_type: "certification", entity_id: certification.id },
    { order: { created_at: "ASC" } }
  )
  res.json({ certification, audit_events: audit })
}
