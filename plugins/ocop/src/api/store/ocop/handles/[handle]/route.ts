import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../../../modules/ocop"

/**
 * Handle → product id for a listed product. Medusa's `/store/products?handle=` filters by the
 * key's sales channel through an `id IN (…every listed id…)` list, which costs seconds at 100k
 * products; `/store/products/:id` stays fast, so the storefront resolves the handle here first.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const products = req.scope.resolve(Modules.PRODUCT)
  const [product] = await products.listProducts({ handle: req.params.handle }, { select: ["id"], take: 1 })
  const listed = product
    ? await req.scope
        .resolve<OcopModuleService>(OCOP_MODULE)
        .listProductListings({ product_id: product.id, listed: true }, { take: 1 })
    : []
  if (!product || !listed.length)
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product "${req.params.handle}" is not listed.`)
  res.setHeader("Cache-Control", "public, max-age=60")
  res.json({ id: product.id })
}
