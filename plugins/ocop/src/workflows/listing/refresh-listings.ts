import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { evaluateListingsStep } from "../steps/evaluate-listings"
import { applyListingsStep } from "../steps/apply-listings"
import { recordAuditEventsStep } from "../steps/record-audit-events"
import { auditEvent } from "../../lib/audit"

export const LISTING_CHANGED_EVENT = "ocop.listing.changed"

/**
 * Re-evaluates the listing gate for the given products and makes the marketplace reflect it.
 * Every OCOP workflow that can change a verdict ends by running this.
 */
export const refreshListingsWorkflow = createWorkflow(
  "ocop-refresh-listings",
  (input: { product_ids: string[]; reason?: string }) => {
    const evaluations = evaluateListingsStep({ product_ids: input.product_ids })
    const applied = applyListingsStep(evaluations)
    const audit = transform({ applied, evaluations, input }, ({ applied, evaluations, input }) => {
      // The system's entry for one product's listing, with the reason the refresh was run for.
      const entry = (id: string, action: "listed" | "delisted", data?: Record<string, unknown>) =>
        auditEvent({
          entity_type: "listing",
          entity_id: id,
          action,
          message: input.reason ?? null,
          ...(data ? { data } : {}),
        })
      return [
        ...applied.listed.map((id) => entry(id, "listed")),
        ...applied.delisted.map((id) =>
          entry(id, "delisted", { reasons: evaluations.find((e) => e.product_id === id)?.reasons ?? [] })
        ),
      ]
    })
    recordAuditEventsStep(audit)
    const eventData = transform({ applied }, ({ applied }) => ({
      product_ids: applied.product_ids,
      listed: applied.listed,
      delisted: applied.delisted,
    }))
    emitEventStep({ eventName: LISTING_CHANGED_EVENT, data: eventData } as any)
    return new WorkflowResponse(applied)
  }
)
