import { CartWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, parallelize, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createCartsStep,
  emitEventStep,
  findOneOrAnyRegionStep,
  findOrCreateCustomerStep,
  findSalesChannelStep,
  prepareCartToCreateStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { cartStartLockKey, LOCK_TTL_SECONDS, LOCK_WAIT_SECONDS } from "../../lib/conflicts"
import { addLineToCartWorkflow } from "./add-line-to-cart"
import { validateSalesChannelStep } from "../medusa-internals"
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
 * A shopper without a cart adds a product: one cart, created with its first line — one call where the
 * storefront made three (create, attach the customer, add). The cart is created as Medusa's
 * createCartWorkflow creates one (the key's sales channel, the region or the store's default, the
 * signed-in customer and their email, the region's only country as the address) but empty, and the line
 * goes in through our lean add (add-line-to-cart.ts: the listing gate, prices, the stock check, tax lines,
 * Medusa's refresh when an automatic promotion runs) — the add's rules, once; a refused line undoes the
 * cart (createCartsStep's compensation), so nothing is left under the key. With an Idempotency-Key the cart's
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
        // with what the answer shows of it (api/store/ocop/carts/answer.ts) when it is a replay
        fields: ["id", "customer_id", "completed_at", "items.id", "items.quantity"],
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
    const created = when("ocop-create-cart", { found }, ({ found }) => !found).then(() => {
      const [salesChannel, region, customerData] = parallelize(
        findSalesChannelStep({ salesChannelId: input.sales_channel_id }),
        findOneOrAnyRegionStep({ regionId: input.region_id }),
        findOrCreateCustomerStep({ customerId: input.customer_id })
      )
      validateSalesChannelStep({ salesChannel } as never)
      const cartInput = prepareCartToCreateStep({
        input: transform({ input, cartId }, ({ input, cartId }) => ({
          ...(cartId ? { id: cartId } : {}),
          region_id: input.region_id,
          sales_channel_id: input.sales_channel_id,
          customer_id: input.customer_id,
        })),
        region,
        customerData,
        salesChannel,
      } as never)
      const carts = createCartsStep([cartInput] as never)
      const cart = transform({ carts }, ({ carts }) => (carts as Array<{ id: string }>)[0])
      const added = addLineToCartWorkflow.runAsStep({
        input: transform({ cart, input }, ({ cart, input }) => ({
          cart_id: cart.id,
          items: input.items,
          new_cart: true,
        })),
      })
      emitEventStep({ eventName: CartWorkflowEvents.CREATED, data: { id: cart.id } }).config({
        name: "ocop-emit-cart-created",
      })
      return added
    })
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
    const result = transform({ found, created }, ({ found, created }) => {
      const started = created as { cart_id: string; cart: unknown } | undefined
      const replayed = found as
        | { id: string; completed_at?: unknown; items?: Array<{ id: string; quantity: unknown } | null> }
        | undefined
      return {
        cart_id: (replayed?.id ?? started?.cart_id) as string,
        created: !replayed,
        cart: replayed
          ? { id: replayed.id, completed_at: replayed.completed_at ?? null, items: replayed.items ?? [] }
          : started?.cart,
      }
    })
    return new WorkflowResponse(result)
  }
)
