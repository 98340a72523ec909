import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createCartWorkflow, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { cartStartLockKey, LOCK_TTL_SECONDS, LOCK_WAIT_SECONDS } from "../../lib/conflicts"
import { cartIdOfStartKeyStep, checkStartKeyStep } from "./steps/start-key-records"

export type StartCartWithLineInput = {
  /** The request's Idempotency-Key, when it carried one: the cart's id follows from it. */
  idempotency_key?: string
  region_id?: string
  sales_channel_id: string
  customer_id?: string
  items: Array<{ variant_id: string; quantity: number }>
}

/**
 * A shopper without a cart adds a product: one cart, created with its first line (Medusa's
 * createCartWorkflow: prices, inventory confirmation, the listing gate's hook, tax lines) — one call
 * where the storefront made three (create, attach the customer, add). With an Idempotency-Key the cart's
 * id follows from the key and the creation runs inside that id's lock and happens once: a double click,
 * a retried form or 5 parallel posts find the cart the first one made (`created: false`) and add nothing;
 * the key reused for another product or quantity is a 409, another account's cart under it a 404.
 */
export const startCartWithLineWorkflow = createWorkflow(
  "ocop-start-cart-with-line",
  (input: StartCartWithLineInput) => {
    const cartId = cartIdOfStartKeyStep(input.idempotency_key)
    const keyed = transform({ input }, ({ input }) => !!input.idempotency_key)
    const lockKey = transform({ cartId }, ({ cartId }) => cartStartLockKey(cartId ?? ""))
    const existing = when("ocop-keyed-start", { keyed }, ({ keyed }) => keyed).then(() => {
      acquireLockStep({ key: lockKey, timeout: LOCK_WAIT_SECONDS, ttl: LOCK_TTL_SECONDS })
      const { data } = useQueryGraphStep({
        entity: "cart",
        fields: ["id", "customer_id"],
        filters: { id: cartId },
      }).config({ name: "find-started-cart" })
      return data
    })
    const found = transform(
      { existing },
      ({ existing }) => (existing as Array<{ id: string; customer_id?: string | null }> | undefined)?.[0]
    )
    // A refused first add (the listing gate, stock) leaves no record: the key may start a cart later.
    when("ocop-keyed-replay", { keyed, found }, ({ keyed, found }) => keyed && !!found).then(() => {
      checkStartKeyStep(
        transform({ input, cartId, found }, ({ input, cartId, found }) => ({
          key: input.idempotency_key as string,
          cart_id: cartId as string,
          body: input.items[0],
          customer_id: input.customer_id,
          found,
        }))
      ).config({ name: "ocop-check-replayed-start" })
    })
    const created = when("ocop-create-cart", { found }, ({ found }) => !found).then(() =>
      createCartWorkflow.runAsStep({
        input: transform({ input, cartId }, ({ input, cartId }) => ({
          ...(cartId ? { id: cartId } : {}),
          region_id: input.region_id,
          sales_channel_id: input.sales_channel_id,
          customer_id: input.customer_id,
          items: input.items,
        })) as never,
      })
    )
    when("ocop-keyed-start-done", { keyed, found }, ({ keyed, found }) => keyed && !found).then(() => {
      checkStartKeyStep(
        transform({ input, cartId }, ({ input, cartId }) => ({
          key: input.idempotency_key as string,
          cart_id: cartId as string,
          body: input.items[0],
          customer_id: input.customer_id,
          found: null,
        }))
      ).config({ name: "ocop-record-started-cart" })
    })
    when("ocop-keyed-release", { keyed }, ({ keyed }) => keyed).then(() => {
      releaseLockStep({ key: lockKey })
    })
    const result = transform({ found, created }, ({ found, created }) => ({
      cart_id: (found?.id ?? (created as { id: string } | undefined)?.id) as string,
      created: !found,
    }))
    return new WorkflowResponse(result)
  }
)
