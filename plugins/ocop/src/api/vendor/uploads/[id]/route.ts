import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { producerIdOf } from "../../../utils/ownership"
import { uploadView } from "../route"

/** One of this producer's uploads; another producer's is "not found", as for products. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const [upload] = await ocop.listUploads({ id: req.params.id, producer_id: producerIdOf(req) }, { take: 1 })
  if (!upload) return res.status(404).json({ type: "not_found", message: `Upload ${req.params.id} was not found.` })
  res.json({ upload: uploadView(upload) })
}
