import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { curatorRequest } from "../../curator-request"

/**
 * One product of the curator's province as the curator inspects it before a decision (also when it
 * is not on sale, so the store would not show it). Another province's product is "not found".
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { center } = curatorRequest(req)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: [
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
    ],
    filters: { id: req.params.id },
  })
  const product = data[0] as { id: string; producer?: { province_code?: string } | null } | undefined
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
