import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createOrderFulfillmentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { planProducerFulfilmentStep, type ProducerFulfilmentInput } from "../steps/plan-producer-fulfilment"
import { LOCK_TTL_SECONDS, LOCK_WAIT_SECONDS, orderPartLockKey } from "../../lib/conflicts"

/**
 * A producer ships its own part of an order. Medusa's fulfilment workflow does not check what was
 * already shipped, so one lock per order part serialises the requests and the plan is made inside
 * it: of five parallel clicks, one ships and four get a 409 (stock moves once).
 */
export const fulfilProducerPartWorkflow = createWorkflow(
  "ocop-fulfil-producer-part",
  (input: ProducerFulfilmentInput) => {
    const lockKey = transform({ input }, ({ input }) => orderPartLockKey(input.order_id, input.producer_id))
    acquireLockStep({ key: lockKey, timeout: LOCK_WAIT_SECONDS, ttl: LOCK_TTL_SECONDS, executeOnSubWorkflow: true })
    const plan = planProducerFulfilmentStep(input)
    const created = when({ plan }, ({ plan }) => !plan.replayed_fulfillment_id).then(() => {
      const fulfilmentInput = transform({ input, plan }, ({ input, plan }) => ({
        order_id: input.order_id,
        items: plan.items,
        shipping_option_id: plan.shipping_option_id,
        created_by: input.producer_id,
        labels: input.tracking_number
          ? [{ tracking_number: input.tracking_number, tracking_url: "", label_url: "" }]
          : [],
        metadata: {
          ocop_producer_id: input.producer_id,
          ocop_idempotency_key: input.idempotency_key ?? null,
          ocop_status: "shipped",
          ocop_carrier: input.carrier ?? null,
          ocop_tracking_number: input.tracking_number ?? null,
          ocop_shipped_at: new Date().toISOString(),
        },
      }))
      return createOrderFulfillmentWorkflow.runAsStep({ input: fulfilmentInput })
    })
    releaseLockStep({ key: lockKey, executeOnSubWorkflow: true })
    const result = transform({ created, plan }, ({ created, plan }) => ({
      fulfillment_id: (plan.replayed_fulfillment_id ?? (created as any)?.id) as string,
      replayed: !!plan.replayed_fulfillment_id,
    }))
    return new WorkflowResponse(result)
  }
)
