import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../../../modules/ocop"
import { publicProducer } from "../../../../../lib/public-views"

/** A producer's shop page: its public profile and its listed products only. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const [producer] = await ocop.listProducers({ handle: req.params.handle, status: "active" }, { take: 1 })
  if (!producer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer "${req.params.handle}" was not found.`)
  const listings = await ocop.listProductListings(
    { producer_id: producer.id, listed: true },
    { select: ["product_id"] }
  )
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const products = listings.length
    ? (
        await query.graph({
          entity: "product",
          fields: ["id", "title", "handle", "thumbnail", "variants.id"],
          filters: { id: listings.map((l) => l.product_id), status: "published" },
        })
      ).data
    : []
  res.json({ producer: publicProducer(producer), products })
}
