import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { assignProducerShippingStep } from "../steps/assign-producer-shipping"

/** A producer's products ship in the producer's own parcel, with its own fee (decision 007). */
export const assignProducerShippingWorkflow = createWorkflow(
  "ocop-assign-producer-shipping",
  (input: { producer_id: string; product_ids: string[] }) => new WorkflowResponse(assignProducerShippingStep(input))
)
