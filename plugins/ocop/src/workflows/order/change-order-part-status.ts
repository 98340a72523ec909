import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { LOCK_TTL_SECONDS, LOCK_WAIT_SECONDS, orderPartLockKey } from "../../lib/conflicts"
import { planOrderPartStatusStep, type OrderPartStatusInput } from "../steps/plan-order-part-status"
import { updateFulfilmentsStep } from "../steps/update-fulfilments"

/**
 * A producer records that its shipped part was delivered or came back. The same lock as shipping
 * (one per order part) and a plan made inside it: of several parallel clicks one changes the state,
 * the others read the new state and get a 409 (lib/order-parts.ts has the allowed changes).
 */
export const changeOrderPartStatusWorkflow = createWorkflow(
  "ocop-change-order-part-status",
  (input: OrderPartStatusInput) => {
    const lockKey = transform({ input }, ({ input }) => orderPartLockKey(input.order_id, input.producer_id))
    acquireLockStep({ key: lockKey, timeout: LOCK_WAIT_SECONDS, ttl: LOCK_TTL_SECONDS })
    const plan = planOrderPartStatusStep(input)
    const updates = transform({ plan }, ({ plan }) => plan.updates)
    updateFulfilmentsStep(updates)
    releaseLockStep({ key: lockKey })
    const result = transform({ plan }, ({ plan }) => ({ status: plan.status }))
    return new WorkflowResponse(result)
  }
)
