import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { recordById } from "../../../../utils/record-by-id"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const producer = await recordById(req.scope, "producer", req.params.id, [
    "*",
    "products.id",
    "products.title",
    "products.status",
    "products.handle",
  ])
  if (!producer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer ${req.params.id} was not found.`)
  res.json({ producer })
}
