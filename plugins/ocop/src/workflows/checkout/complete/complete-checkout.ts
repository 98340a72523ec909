import { EventPriority, Modules, OrderWorkflowEvents, ReservationItemWorkflowEvents } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  parallelize,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  addOrderTransactionStep,
  authorizePaymentSessionStep,
  compensatePaymentIfNeededStep,
  createOrdersStep,
  createRemoteLinkStep,
  emitEventStep,
  reserveInventoryStep,
  updateCartsStep,
  validateCartItemsStep,
  validateCartPaymentsStep,
  validateShippingStep,
} from "@medusajs/medusa/core-flows"
import { PART_SHIPPING_KEY, type PartShipping } from "../../../lib/delivery-rates"
import { assertDeliveryStillApplies } from "../../../lib/delivery-still-applies"
import { timedGuard } from "../../../observability/checkout-guards"
import { prepareConfirmInventoryInput, registerUsageStep } from "../../medusa-internals"
import {
  type CheckoutCartToComplete,
  orderInputFromCart,
  orderLinks,
  partShippingOfOrder,
  promotionUsage,
} from "./checkout-cart"

export type CompleteCheckoutInput = {
  cart: CheckoutCartToComplete
  /** the cart's variants with their stock levels, read under the items' checkout locks (place-order.ts) */
  variants: Array<Record<string, unknown> & { id: string }>
}

type PlacedOrder = {
  id: string
  metadata?: Record<string, unknown> | null
  items?: Array<{ id: string; variant_id?: string | null; quantity: unknown }>
  shipping_methods?: Array<{ id: string; name?: string | null; amount?: never; shipping_option_id?: string | null }>
}

/** Each producer's delivery fee, written into the new order (undone with the order if a later step fails). */
const recordPartShippingOnPlacedOrderStep = createStep(
  "ocop-record-part-shipping-on-placed-order",
  async (
    input: { order_id: string; metadata: Record<string, unknown> | null; parts: Record<string, PartShipping> },
    { container }
  ) => {
    await container
      .resolve(Modules.ORDER)
      .updateOrders([{ id: input.order_id, metadata: { ...(input.metadata ?? {}), [PART_SHIPPING_KEY]: input.parts } }])
    return new StepResponse(input.parts, { id: input.order_id, metadata: input.metadata })
  },
  async (undo, { container }) => {
    if (undo) await container.resolve(Modules.ORDER).updateOrders([{ id: undo.id, metadata: undo.metadata }])
  }
)

/** Each parcel's delivery option still applies at the fee on the cart (lib/delivery-still-applies.ts). */
const checkDeliveryStillAppliesStep = createStep(
  "ocop-check-delivery-still-applies",
  async (input: { cart_id: string }, { container }) => {
    await timedGuard("delivery_check", () => assertDeliveryStillApplies(container, input.cart_id))
    return new StepResponse(undefined)
  }
)

/**
 * Places the order of a cart read and checked by place-order.ts, with Medusa's own steps (and so
 * their compensation) in Medusa's order: the order, its links, the cart marked completed, the
 * stock reserved, the promotion usage, the order.placed event, then the payment authorised last.
 *
 * Differences from Medusa's completeCartWorkflow, each removing work that cannot change the order:
 * - no second read of the cart (nor of its shipping options' profiles): the cart comes in, read
 *   once under its lock with the fields the order needs;
 * - the stock levels come in too, read once under the items' checkout locks, where Medusa's cart read
 *   fetched them and our checkout check read them again;
 * - the split by producer (decision 004) is part of the run: the producer links are created with the
 *   order's other links and the part fees are written from the cart's delivery options, where the
 *   orderCreated hook ran a workflow that read the order and the products again;
 * - the run is not stored (Medusa stores each completion's execution, ≈ 40 kB, twice): the cart's
 *   lock and its order link make a repeated completion answer the same order (place-order.ts).
 */
export const completeCheckoutWorkflow = createWorkflow(
  { name: "ocop-complete-checkout", idempotent: false },
  (input: CompleteCheckoutInput) => {
    const cart = transform({ input }, ({ input }) => input.cart)
    checkDeliveryStillAppliesStep(transform({ cart }, ({ cart }) => ({ cart_id: cart.id })))
    validateCartItemsStep({ cart } as never)
    const paymentSessions = validateCartPaymentsStep({ cart } as never)
    compensatePaymentIfNeededStep({
      payment_session_id: transform({ paymentSessions }, ({ paymentSessions }) => paymentSessions[0]?.id),
    })
    const shippingOptions = transform({ cart }, ({ cart }) =>
      (cart.shipping_methods ?? []).flatMap((sm) =>
        sm?.shipping_option_id
          ? [{ id: sm.shipping_option_id, shipping_profile_id: sm.shipping_option?.shipping_profile_id }]
          : []
      )
    )
    validateShippingStep({ cart, shippingOptions } as never)

    const created = createOrdersStep([transform({ cart }, ({ cart }) => orderInputFromCart(cart))] as never)
    const order = transform({ created }, ({ created }) => (created as unknown as PlacedOrder[])[0])

    const reservations = transform({ input, order }, ({ input, order }) =>
      prepareConfirmInventoryInput({
        input: {
          sales_channel_id: input.cart.sales_channel_id,
          variants: input.variants,
          items: (order.items ?? []).map((i) => ({ id: i.id, variant_id: i.variant_id, quantity: i.quantity })),
        },
      })
    )
    const links = transform({ cart, order }, ({ cart, order }) => orderLinks(cart, order.id))
    const completedCart = transform({ cart }, ({ cart }) => [{ id: cart.id, completed_at: new Date() }])
    const parts = transform({ cart, order }, ({ cart, order }) => ({
      order_id: order.id,
      metadata: order.metadata ?? null,
      parts: partShippingOfOrder(cart, order.shipping_methods ?? []),
    }))
    const orderId = transform({ order }, ({ order }) => ({ id: order.id }))
    const [, , reserved] = parallelize(
      createRemoteLinkStep(links as never),
      updateCartsStep(completedCart as never),
      reserveInventoryStep(reservations as never),
      recordPartShippingOnPlacedOrderStep(parts),
      emitEventStep({
        eventName: OrderWorkflowEvents.PLACED,
        data: orderId,
        options: { priority: EventPriority.CRITICAL },
      } as never)
    )
    when({ cart }, ({ cart }) => promotionUsage(cart).computedActions.length > 0).then(() => {
      registerUsageStep(transform({ cart }, ({ cart }) => promotionUsage(cart)))
    })
    emitEventStep({
      eventName: ReservationItemWorkflowEvents.CREATED,
      data: transform({ reserved, order }, ({ reserved, order }) =>
        ((reserved ?? []) as Array<{ id: string }>).map((r) => ({ id: r.id, order_id: order.id }))
      ),
    }).config({ name: "emit-reservation-item-created" })

    // Authorised last, as in Medusa's completion: only the steps before it can make it be cancelled.
    const payment = authorizePaymentSessionStep({
      id: transform({ paymentSessions }, ({ paymentSessions }) => paymentSessions[0].id),
    } as never)
    addOrderTransactionStep(
      transform({ payment, order }, ({ payment, order }) => {
        const p = payment as unknown as {
          currency_code: string
          captures?: Array<{ id: string; amount: unknown; raw_amount?: unknown }>
        } | null
        return (p?.captures ?? []).map((capture) => ({
          order_id: order.id,
          amount: capture.raw_amount ?? capture.amount,
          currency_code: p?.currency_code,
          reference: "capture",
          reference_id: capture.id,
        }))
      }) as never
    )
    return new WorkflowResponse(orderId)
  }
)
