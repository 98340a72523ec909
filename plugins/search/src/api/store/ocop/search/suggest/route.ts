import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { suggestOcopProducts } from "../../../../../lib/ocop-search"

/** GET /store/ocop/search/suggest?q= — type-ahead, at most 8 titles. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { q, limit } = (req as any).ocopSuggestParams as { q: string; limit: number }
  const search = req.scope.resolve(Modules.SEARCH) as any
  res.json(await suggestOcopProducts(search, q, limit))
}
