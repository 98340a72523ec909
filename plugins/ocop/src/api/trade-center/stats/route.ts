import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../modules/ocop"
import { provinceFigures, type FigureCertification } from "../../../lib/province-figures"
import { curatorRequest } from "../curator-request"

/** Province figures: valid certificates by stars and group, pending, expiring, expired, by status and month. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const province_code = curatorRequest(req).center.province_code
  const certs = await ocop.listCertifications(
    { province_code },
    { select: ["status", "stars", "group_slug", "is_current", "created_at", "valid_from", "expires_at"] }
  )
  res.json({ province_code, ...provinceFigures(certs as unknown as FigureCertification[]) })
}
