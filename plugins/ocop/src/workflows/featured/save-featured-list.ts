import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordAuditEventsStep } from "../steps/record-audit-events"
import { saveFeaturedListStep, type SaveFeaturedListInput } from "../steps/save-featured-list"
import { auditEvent } from "../../lib/audit"

export type { SaveFeaturedListInput } from "../steps/save-featured-list"

/** Create or update a featured list (home selection, province picks, fair or campaign). */
export const saveFeaturedListWorkflow = createWorkflow("ocop-save-featured-list", (input: SaveFeaturedListInput) => {
  const list = saveFeaturedListStep(input)
  const audit = transform({ list, input }, ({ list, input }) => [
    auditEvent(
      {
        entity_type: "trade_center",
        entity_id: input.trade_center_id ?? "platform",
        action: input.id ? "update_featured_list" : "create_featured_list",
        data: { featured_list_id: (list as any).id, placement: input.placement, products: input.product_ids.length },
      },
      input
    ),
  ])
  recordAuditEventsStep(audit)
  return new WorkflowResponse(list)
})
