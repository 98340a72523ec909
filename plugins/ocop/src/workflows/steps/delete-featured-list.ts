import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"

export type DeleteFeaturedListInput = {
  id: string
  /** Set for curators: only their centre's list can be deleted; another's is "not found". */
  trade_center_id?: string | null
  actor_type?: string
  actor_id?: string | null
}

/** Soft-deletes one featured list; compensation restores it. */
export const deleteFeaturedListStep = createStep(
  "ocop-delete-featured-list",
  async (input: DeleteFeaturedListInput, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const [list] = await ocop.listFeaturedLists({ id: input.id }, { take: 1 })
    if (!list || (input.trade_center_id && list.trade_center_id !== input.trade_center_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Featured list ${input.id} was not found.`)
    }
    await ocop.softDeleteFeaturedLists(input.id)
    return new StepResponse(list, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<OcopModuleService>(OCOP_MODULE).restoreFeaturedLists(id)
  }
)
