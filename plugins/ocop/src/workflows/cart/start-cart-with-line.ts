import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createCartWorkflow, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { cartStartLockKey, LOCK_TTL_SECONDS, LOCK_WAIT_SECONDS } from "../../lib/conflicts"

export type StartCartWithLineInput = {
  /** Given when the request carried an Idempotency-Key: the cart's id follows from the key. */
  cart_id?: string
  region_id?: string
  sales_channel_id: string
  customer_id?: string
  items: Array<{ variant_id: string; quantity: number }>
}

/**
 * A shopper without a cart adds a product: one cart, created with its first line (Medusa's
 * createCartWorkflow: prices, inventory confirmation, the listing gate's hook, tax lines) — one call
 * where the storefront made three (create, attach the customer, add). With an id (from the request's
 * Idempotency-Key) the creation runs inside that id's lock and happens once: a double click, a retried
 * form or 5 parallel posts find the cart the first one made (`created: false`) and add nothing.
 */
export const startCartWithLineWorkflow = createWorkflow(
  "ocop-start-cart-with-line",
  (input: StartCartWithLineInput) => {
    const keyed = transform({ input }, ({ input }) => !!input.cart_id)
    const lockKey = transform({ input }, ({ input }) => cartStartLockKey(input.cart_id ?? ""))
    const existing = when("ocop-keyed-start", { keyed }, ({ keyed }) => keyed).then(() => {
      acquireLockStep({ key: lockKey, timeout: LOCK_WAIT_SECONDS, ttl: LOCK_TTL_SECONDS })
      const { data } = useQueryGraphStep({
        entity: "cart",
        fields: ["id", "customer_id"],
        filters: { id: input.cart_id },
      }).config({ name: "find-started-cart" })
      return data
    })
    const found = transform({ existing }, ({ existing }) => (existing as Array<{ id: string }> | undefined)?.[0])
    const created = when("ocop-create-cart", { found }, ({ found }) => !found).then(() =>
      createCartWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          ...(input.cart_id ? { id: input.cart_id } : {}),
          region_id: input.region_id,
          sales_channel_id: input.sales_channel_id,
          customer_id: input.customer_id,
          items: input.items,
        })) as never,
      })
    )
    when("ocop-keyed-start-done", { keyed }, ({ keyed }) => keyed).then(() => {
      releaseLockStep({ key: lockKey })
    })
    const result = transform({ found, created }, ({ found, created }) => ({
      cart_id: (found?.id ?? (created as { id: string } | undefined)?.id) as string,
      created: !found,
      customer_id: (found as { customer_id?: string | null } | undefined)?.customer_id ?? null,
    }))
    return new WorkflowResponse(result)
  }
)
