import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { verifyCertificate } from "../../../../lib/public-views"

/** What a QR stamp on a package opens: is this certificate number / traceability code valid? */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { code } = (req as any).validatedQuery
  res.setHeader("Cache-Control", "no-store")
  res.json(await verifyCertificate(req.scope.resolve<OcopModuleService>(OCOP_MODULE), code))
}
