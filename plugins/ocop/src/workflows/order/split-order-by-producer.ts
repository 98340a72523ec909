import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { linkOrderToProducersStep } from "../steps/link-order-to-producers"
import { recordPartShippingStep } from "../steps/record-part-shipping"

/** Splits a placed order so each producer sees and fulfils only its own part, with its own delivery fee. */
export const splitOrderByProducerWorkflow = createWorkflow(
  "ocop-split-order-by-producer",
  (input: { order_id: string }) => {
    const linked = linkOrderToProducersStep(input)
    recordPartShippingStep(input)
    return new WorkflowResponse(linked)
  }
)
