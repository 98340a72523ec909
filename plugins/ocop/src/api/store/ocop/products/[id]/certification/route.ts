import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../../../../modules/ocop"
import { publicCertification, publicProducer } from "../../../../../../lib/public-views"

/** The certification shown on a product page. Only for listed products. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const [listing] = await ocop.listProductListings({ product_id: req.params.id, listed: true }, { take: 1 })
  if (!listing?.certification_id)
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "This product is not listed on the OCOP marketplace.")
  const [certification] = await ocop.listCertifications({ id: listing.certification_id }, { take: 1 })
  const [producer] = await ocop.listProducers({ id: listing.producer_id! }, { take: 1 })
  res.json({ certification: publicCertification(certification), producer: producer ? publicProducer(producer) : null })
}
