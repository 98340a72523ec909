import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshListingsWorkflow } from "../listing/refresh-listings"
import { recordAuditEventOfInput } from "../steps/record-audit-events"
import { linkProductToProducerStep } from "../steps/link-product-to-producer"
import { assignProducerShippingStep } from "../steps/assign-producer-shipping"

/** Gives a product its producer (the shop that sells it, and ships it in its own parcel: decision 007). */
export const attachProductToProducerWorkflow = createWorkflow(
  "ocop-attach-product-to-producer",
  (input: { product_id: string; producer_id: string; actor_type?: string; actor_id?: string | null }) => {
    const linked = linkProductToProducerStep(input)
    const shipping = transform({ input }, ({ input }) => ({
      producer_id: input.producer_id,
      product_ids: [input.product_id],
    }))
    assignProducerShippingStep(shipping)
    recordAuditEventOfInput({ input }, ({ input }) => ({
      entity_type: "producer",
      entity_id: input.producer_id,
      action: "attach_product",
      data: { product_id: input.product_id },
    }))
    const refreshInput = transform({ input }, ({ input }) => ({
      product_ids: [input.product_id],
      reason: "product attached to producer",
    }))
    refreshListingsWorkflow.runAsStep({ input: refreshInput })
    return new WorkflowResponse(linked)
  }
)
