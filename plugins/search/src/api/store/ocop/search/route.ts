import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { searchOcopProducts } from "../../../../lib/ocop-search"
import type { SearchParams } from "../../../../lib/params"

/** GET /store/ocop/search — parameters validated in src/api/middlewares.ts. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const params = (req as any).ocopSearchParams as SearchParams
  const search = req.scope.resolve(Modules.SEARCH) as any
  res.json(await searchOcopProducts(search, params))
}
