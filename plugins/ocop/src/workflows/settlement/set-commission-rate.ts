import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { LOCK_TTL_SECONDS, LOCK_WAIT_SECONDS } from "../../lib/conflicts"
import { saveCommissionRateStep, type CommissionRateInput } from "../steps/save-commission-rate"

/** The operator sets the commission of a product group ("*" = all) from a month on; the last write wins. */
export const setCommissionRateWorkflow = createWorkflow("ocop-set-commission-rate", (input: CommissionRateInput) => {
  acquireLockStep({ key: "ocop:commission-rates", timeout: LOCK_WAIT_SECONDS, ttl: LOCK_TTL_SECONDS })
  const rate = saveCommissionRateStep(input)
  releaseLockStep({ key: "ocop:commission-rates" })
  return new WorkflowResponse(rate)
})
