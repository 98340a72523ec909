import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { curatorRequest } from "../../curator-request"
import { recordById } from "../../../utils/record-by-id"

type InspectedProduct = { id: string; producer?: { province_code?: string } | null }

/**
 * One product of the curator's province as the curator inspects it before a decision (also when it
 * is not on sale, so the store would not show it). Another province's product is "not found".
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { center } = curatorRequest(req)
  const product = await recordById<InspectedProduct>(req.scope, "product", req.params.id, [
    "id",
    "title",
    "subtitle",
    "description",
    "handle",
    "status",
    "thumbnail",
    "images.url",
    "producer.id",
    "producer.name",
    "producer.handle",
    "producer.province_code",
    "producer.status",
  ])
  if (!product || product.producer?.province_code !== center.province_code) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${req.params.id} was not found.`)
  }
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const [listing] = await ocop.listProductListings({ product_id: product.id }, { take: 1 })
  const certifications = await ocop.listCertifications(
    { product_id: product.id, province_code: center.province_code },
    { order: { created_at: "DESC" } }
  )
  res.json({ product: { ...product, listed: Boolean(listing?.listed) }, certifications })
}
