import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordAuditEventsStep } from "../steps/record-audit-events"
import { deleteFeaturedListStep, type DeleteFeaturedListInput } from "../steps/delete-featured-list"
import { auditEvent } from "../../lib/audit"

/** Delete a featured list (a curator's own, or any for the platform), with an audit entry. */
export const deleteFeaturedListWorkflow = createWorkflow(
  "ocop-delete-featured-list",
  (input: DeleteFeaturedListInput) => {
    const list = deleteFeaturedListStep(input)
    const audit = transform({ list, input }, ({ list, input }) => [
      auditEvent(
        {
          entity_type: "trade_center",
          entity_id: input.trade_center_id ?? "platform",
          action: "delete_featured_list",
          data: { featured_list_id: list.id, title_vi: list.title_vi },
        },
        input
      ),
    ])
    recordAuditEventsStep(audit)
    return new WorkflowResponse({ id: input.id, deleted: true })
  }
)
