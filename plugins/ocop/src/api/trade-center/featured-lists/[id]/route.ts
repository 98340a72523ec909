import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { saveFeaturedListWorkflow, type SaveFeaturedListInput } from "../../../../workflows/featured/save-featured-list"
import { deleteFeaturedListWorkflow } from "../../../../workflows/featured/delete-featured-list"
import { provinceProductSummaries } from "../../../../lib/province-products"
import { curatorRequest } from "../../curator-request"

/** One of the centre's lists with its products in order (for editing and preview); another centre's is 404. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { center } = curatorRequest(req)
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const [list] = await ocop.listFeaturedLists({ id: req.params.id, trade_center_id: center.id }, { take: 1 })
  if (!list) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Featured list ${req.params.id} was not found.`)
  const ids = (list.product_ids as unknown as string[]) ?? []
  const products = await provinceProductSummaries(req.scope, center.province_code, { ids })
  const byId = new Map(products.map((p) => [p.id, p]))
  res.json({ featured_list: { ...list, products: ids.map((id) => byId.get(id)).filter(Boolean) } })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { center } = curatorRequest(req)
  const { result } = await saveFeaturedListWorkflow(req.scope).run({
    input: {
      ...curatorRequest<unknown, SaveFeaturedListInput>(req).body,
      id: req.params.id,
      province_code: center.province_code,
      trade_center_id: center.id,
      actor_type: "curator",
      actor_id: center.id,
    },
  })
  res.json({ featured_list: result })
}

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { center } = curatorRequest(req)
  const { result } = await deleteFeaturedListWorkflow(req.scope).run({
    input: { id: req.params.id, trade_center_id: center.id, actor_type: "curator", actor_id: center.id },
  })
  res.json(result)
}
