import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"
import { featuredListToChange } from "../../lib/featured"
import type { AuditActor } from "../../lib/audit"

export type DeleteFeaturedListInput = {
  id: string
  /** Set for curators: only their centre's list can be deleted; another's is "not found". */
  trade_center_id?: string | null
} & AuditActor

/** Soft-deletes one featured list; compensation restores it. */
export const deleteFeaturedListStep = createStep(
  "ocop-delete-featured-list",
  async (input: DeleteFeaturedListInput, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const list = await featuredListToChange(ocop, input.id, input.trade_center_id)
    await ocop.softDeleteFeaturedLists(input.id)
    return new StepResponse(list, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<OcopModuleService>(OCOP_MODULE).restoreFeaturedLists(id)
  }
)
