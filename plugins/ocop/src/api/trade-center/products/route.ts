import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { provinceProductSummaries } from "../../../lib/province-products"
import { curatorRequest } from "../curator-request"

/** GET /trade-center/products?q= — the province's products a curator may feature, found by name. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { center, query } = curatorRequest<{ q?: string; limit: number }>(req)
  const products = await provinceProductSummaries(req.scope, center.province_code, query)
  res.json({ products })
}
