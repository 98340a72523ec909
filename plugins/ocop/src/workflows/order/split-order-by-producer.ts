import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { linkOrderToProducersStep } from "../steps/link-order-to-producers"

/** Splits a placed order so each producer sees and fulfils only its own part. */
export const splitOrderByProducerWorkflow = createWorkflow(
  "ocop-split-order-by-producer",
  (input: { order_id: string }) => {
    return new WorkflowResponse(linkOrderToProducersStep(input))
  }
)
