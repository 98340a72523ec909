import { CartWorkflowEvents, PromotionActions } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  addShippingMethodToCartStep,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionStep,
  createPaymentSessionsWorkflow,
  emitEventStep,
  findOrCreateCustomerStep,
  listShippingOptionsForCartWithPricingWorkflow,
  prepareCartToUpdateStep,
  refreshCartItemsWorkflow,
  refreshPaymentCollectionForCartWorkflow,
  releaseLockStep,
  removeShippingMethodFromCartStep,
  updateCartPromotionsWorkflow,
  updateCartsStep,
  updateTaxLinesWorkflow,
  upsertTaxLinesWorkflow,
  useQueryGraphStep,
  validateAndReturnShippingMethodsDataStep,
  validateCartShippingOptionsPriceStep,
  validateCartShippingOptionsStep,
  validateCartStep,
} from "@medusajs/medusa/core-flows"
import {
  type CheckoutCart,
  checkParcelChoicesStep,
  checkPaymentProviderStep,
  ensureShopperOwnsCartStep,
} from "./steps/check-parcel-choices"
import { checkoutChangesStep } from "./steps/checkout-changes"
import { restoreCartAddressesOnFailureStep } from "./steps/restore-cart-addresses"

export type CheckoutAddress = {
  first_name?: string
  last_name?: string
  phone?: string
  address_1?: string
  address_2?: string
  city?: string
  province?: string
  postal_code?: string
  country_code?: string
}

export type PrepareCheckoutInput = {
  cart_id: string
  /** the shopper asking (a logged-in customer), or none for a guest */
  customer_id?: string
  email?: string
  shipping_address: CheckoutAddress
  billing_address?: CheckoutAddress
  /** one delivery option per producer's parcel (decision 007) */
  shipping_option_ids: string[]
  provider_id: string
}

type PricedItem = { variant_id?: string | null; updated_at?: string | Date | null }

type CartToPrepare = CheckoutCart & {
  email?: string | null
  shipping_address_id?: string | null
  billing_address_id?: string | null
  shipping_address?: (CheckoutAddress & { id?: string }) | null
  shipping_methods?: Array<{ id: string; shipping_option?: { shipping_profile_id?: string | null } | null }> | null
  payment_collection?: { id: string } | null
  promotions?: Array<{ code?: string | null } | null> | null
}

type PricedOption = {
  id: string
  name: string
  provider_id?: string
  shipping_profile_id?: string | null
  data?: Record<string, unknown> | null
  stock_location?: Record<string, unknown> | null
  calculated_price?: { calculated_amount?: unknown; is_calculated_price_tax_inclusive?: boolean } | null
}

// The tax lines of a cart depend on its address's country, province, postal code and city: only a
// change of one of them needs the cart's prices and taxes computed again (as Medusa's updateCartWorkflow).
function taxRelevantAddressChanged(next: CheckoutAddress, prev: CartToPrepare["shipping_address"]): boolean {
  const changed = (a: unknown, b: unknown) => a !== undefined && a !== (b ?? undefined)
  return (
    changed(next.country_code?.toLowerCase(), prev?.country_code?.toLowerCase()) ||
    changed(next.province, prev?.province) ||
    changed(next.postal_code, prev?.postal_code) ||
    changed(next.city, prev?.city)
  )
}

/**
 * Everything a checkout sets before the order is placed, in one run under the cart's lock: the email
 * and addresses, one shipping method per producer's parcel, the payment collection and its session.
 *
 * Medusa's store routes do the same in four to five calls (updateCartWorkflow,
 * addShippingMethodToCartWorkflow once per parcel, the payment collection, the session), and each
 * of the first ones refreshes the whole cart — prices, taxes, shipping methods (listed and priced
 * again), promotions, the payment collection. Here the same Medusa steps run once each, and the
 * refreshes only where they could write something (lib/checkout-changes.ts, one read); the payment
 * collection is sized from the final total. A failure undoes what the steps did (each Medusa step's
 * compensation, and the cart's former addresses put back), so a refused checkout leaves the cart as it was.
 */
export const prepareCheckoutWorkflow = createWorkflow(
  { name: "ocop-prepare-checkout", idempotent: false },
  (input: PrepareCheckoutInput) => {
    // Two submissions of one checkout queue here one after the other (a double click): each ends
    // with the same methods and one payment session.
    acquireLockStep({ key: input.cart_id, timeout: 10, ttl: 30 })

    const { data: cart } = useQueryGraphStep({
      entity: "cart",
      filters: { id: input.cart_id },
      fields: [
        "id",
        "email",
        "customer_id",
        "customer.has_account",
        "sales_channel_id",
        "locale",
        "completed_at",
        "shipping_address_id",
        "billing_address_id",
        "shipping_address.*",
        "region.*",
        "region.countries.*",
        "region.payment_providers.id",
        "items.variant_id",
        "items.updated_at",
        "shipping_methods.id",
        "shipping_methods.shipping_option.shipping_profile_id",
        "payment_collection.id",
        "promotions.code",
      ],
      options: { throwIfKeyNotFound: true, isList: false },
    }).config({ name: "get-cart" })
    validateCartStep({ cart })
    ensureShopperOwnsCartStep({ cart: cart as unknown as CheckoutCart, customer_id: input.customer_id })
    checkParcelChoicesStep({ cart_id: input.cart_id, option_ids: input.shipping_option_ids })
    checkPaymentProviderStep({ cart: cart as unknown as CheckoutCart, provider_id: input.provider_id })

    // The email and addresses, as Medusa's updateCartWorkflow writes them (a guest's email becomes
    // the cart's guest customer; the address's country must be the region's).
    const customerInput = transform({ input, cart }, ({ input, cart }) => ({
      customerId: cart.customer_id,
      email: input.email ?? cart.email,
    }))
    const customer = findOrCreateCustomerStep(customerInput)
    const cartInput = prepareCartToUpdateStep(
      transform({ input, cart, customer }, ({ input, cart, customer }) => ({
        input: {
          id: input.cart_id,
          ...(input.email ? { email: input.email } : {}),
          shipping_address: input.shipping_address,
          ...(input.billing_address ? { billing_address: input.billing_address } : {}),
        },
        region: cart.region,
        customer,
        salesChannel: undefined,
        cartToUpdate: cart,
      })) as never
    )
    // Compensation order is the reverse of this: updateCartsStep puts the email and customer back,
    // then the cart gets its former addresses again (a refusal below leaves the cart as it was).
    restoreCartAddressesOnFailureStep(
      transform({ input, cart }, ({ input, cart }) => ({
        cart_id: input.cart_id,
        shipping_address_id: (cart as unknown as CartToPrepare).shipping_address_id ?? null,
        billing_address_id: (cart as unknown as CartToPrepare).billing_address_id ?? null,
      }))
    )
    updateCartsStep(transform({ cartInput }, ({ cartInput }) => [cartInput]) as never)
    const forceRefresh = transform({ input, cart }, ({ input, cart }) =>
      taxRelevantAddressChanged(input.shipping_address, (cart as unknown as CartToPrepare).shipping_address)
    )

    // One shipping method per parcel, priced for the new address (addShippingMethodToCartWorkflow's
    // steps, for every parcel at once and without its cart refresh).
    const optionsInput = transform({ input }, ({ input }) => input.shipping_option_ids.map((id) => ({ id })))
    const pricedOptions = listShippingOptionsForCartWithPricingWorkflow.runAsStep({
      input: { options: optionsInput, cart_id: input.cart_id, is_return: false },
    })
    const shippingOptions = transform(
      { pricedOptions },
      ({ pricedOptions }) => pricedOptions as unknown as PricedOption[]
    )
    validateCartShippingOptionsStep({
      option_ids: input.shipping_option_ids,
      prefetched_shipping_options: pricedOptions,
    } as never)
    validateCartShippingOptionsPriceStep({ shippingOptions: pricedOptions } as never)
    const methodData = validateAndReturnShippingMethodsDataStep(
      transform({ shippingOptions, cart }, ({ shippingOptions, cart }) =>
        shippingOptions.map((o) => ({
          id: o.id,
          provider_id: o.provider_id,
          option_data: o.data ?? {},
          method_data: {},
          context: { ...cart, from_location: o.stock_location ?? {} },
        }))
      ) as never
    )
    const methods = transform({ input, shippingOptions, methodData }, ({ input, shippingOptions, methodData }) =>
      shippingOptions.map((o) => ({
        shipping_option_id: o.id,
        amount: o.calculated_price?.calculated_amount,
        is_tax_inclusive: !!o.calculated_price?.is_calculated_price_tax_inclusive,
        data:
          (methodData as Array<Record<string, unknown> | undefined> | undefined)?.find((d) => d?.[o.id])?.[o.id] ?? {},
        name: o.name,
        cart_id: input.cart_id,
      }))
    )
    // The methods these replace: those of the same parcels, and any without a profile (as Medusa does).
    const { replaced, kept } = transform({ shippingOptions, cart }, ({ shippingOptions, cart }) => {
      const incoming = new Set(shippingOptions.map((o) => o.shipping_profile_id).filter(Boolean))
      const all = (cart as unknown as CartToPrepare).shipping_methods ?? []
      const isReplaced = (m: (typeof all)[number]) =>
        !m.shipping_option?.shipping_profile_id || incoming.has(m.shipping_option.shipping_profile_id)
      return { replaced: all.filter(isReplaced).map((m) => m.id), kept: all.filter((m) => !isReplaced(m)).length }
    })
    removeShippingMethodFromCartStep({ shipping_method_ids: replaced })

    // What Medusa's refreshes could still change, read once: they run only where they could write.
    const changes = checkoutChangesStep(
      transform({ input, cart }, ({ input, cart }) => {
        const items = ((cart as unknown as { items?: Array<PricedItem | null> | null }).items ?? []).filter(
          (i): i is PricedItem => !!i
        )
        const times = items.map((i) => (i.updated_at ? new Date(i.updated_at).getTime() : Number.NaN))
        return {
          cart_id: input.cart_id,
          country_code: input.shipping_address.country_code ?? "",
          variant_ids: items.map((i) => i.variant_id).filter((id): id is string => !!id),
          // any item without a time: "priced at the dawn of time", so anything may have changed since
          items_priced_at: times.length && times.every(Number.isFinite) ? new Date(Math.min(...times)) : null,
        }
      })
    )
    // Medusa's whole cart refresh (prices and taxes again, the kept methods re-priced, promotions, the
    // payment collection) is needed only when the new address could change an item's price, or when
    // methods of other parcels stay on the cart. Otherwise it would rewrite what is there: prices are
    // the shop's per region and currency, which a checkout never changes.
    const refreshAll = transform({ forceRefresh, changes, kept }, ({ forceRefresh, changes, kept }) => {
      return (forceRefresh && changes.prices_may_change) || kept > 0
    })
    when("ocop-checkout-refresh-cart", { refreshAll }, ({ refreshAll }) => refreshAll).then(() => {
      refreshCartItemsWorkflow.runAsStep({
        input: transform({ input, forceRefresh }, ({ input, forceRefresh }) => ({
          cart_id: input.cart_id,
          force_refresh: forceRefresh,
        })) as never,
      })
    })
    const created = addShippingMethodToCartStep({ shipping_methods: methods } as never)
    // Taxes: none to write when no rate or tax provider covers the address's country and the cart holds
    // no tax line. Otherwise the new methods' lines (the refresh did the items), or — when the address
    // changed and the refresh did not run — the lines of the whole cart, items and methods, at once.
    when("ocop-checkout-tax-new-methods", { changes, refreshAll, forceRefresh }, (d) => {
      return d.changes.taxes_may_apply && (d.refreshAll || !d.forceRefresh)
    }).then(() => {
      upsertTaxLinesWorkflow.runAsStep({
        input: transform({ input, created }, ({ input, created }) => ({
          cart_id: input.cart_id,
          items: [],
          shipping_methods: created,
        })) as never,
      })
    })
    when("ocop-checkout-tax-whole-cart", { changes, refreshAll, forceRefresh }, (d) => {
      return d.changes.taxes_may_apply && !d.refreshAll && d.forceRefresh
    }).then(() => {
      updateTaxLinesWorkflow.runAsStep({ input: { cart_id: input.cart_id } })
    })
    const promoCodes = transform({ cart }, ({ cart }) =>
      ((cart as unknown as CartToPrepare).promotions ?? []).map((p) => p?.code).filter((c): c is string => !!c)
    )
    // Promotions: the cart's codes, an automatic promotion or adjustments already on the cart. Neither →
    // Medusa's promotion refresh would find nothing to apply or remove.
    when("ocop-checkout-promotions-may-apply", { promoCodes, changes }, ({ promoCodes, changes }) => {
      return promoCodes.length > 0 || changes.promotions_may_apply
    }).then(() => {
      updateCartPromotionsWorkflow.runAsStep({
        input: {
          cart_id: input.cart_id,
          promo_codes: promoCodes,
          action: PromotionActions.REPLACE,
          force_refresh_payment_collection: false,
        },
      })
    })

    const newCollection = when("ocop-checkout-needs-payment-collection", { cart }, ({ cart }) => {
      return !(cart as unknown as CartToPrepare).payment_collection?.id
    }).then(() => createPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: input.cart_id } }))
    // A collection made before (a repeated checkout) is sized again now that the methods are set.
    when("ocop-checkout-had-payment-collection", { cart }, ({ cart }) => {
      return !!(cart as unknown as CartToPrepare).payment_collection?.id
    }).then(() => {
      refreshPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: input.cart_id } })
    })
    const paymentCollectionId = transform({ cart, newCollection }, ({ cart, newCollection }) => {
      const existing = (cart as unknown as CartToPrepare).payment_collection?.id
      return existing ?? (newCollection as { id: string }).id
    })
    // A guest's first session on a collection made just now: Medusa's createPaymentSessionsWorkflow
    // would read the collection back (no session to delete), check the provider against the region
    // (checked above) and skip the customer's account holder (a guest has none) — only its
    // createPaymentSessionStep writes, so it runs alone, with the same input.
    const quickSession = transform({ input, newCollection }, ({ input, newCollection }) => {
      return !input.customer_id && !!(newCollection as { id?: string } | undefined)?.id
    })
    const guestSession = when("ocop-checkout-guest-session", { quickSession }, (d) => d.quickSession).then(() =>
      createPaymentSessionStep(
        transform({ input, newCollection }, ({ input, newCollection }) => {
          const collection = newCollection as unknown as { id: string; amount: number; currency_code: string }
          return {
            payment_collection_id: collection.id,
            provider_id: input.provider_id,
            data: {},
            context: { customer: undefined, account_holder: undefined },
            amount: collection.amount,
            currency_code: collection.currency_code,
          }
        }) as never
      )
    )
    const fullSession = when("ocop-checkout-session", { quickSession }, (d) => !d.quickSession).then(() =>
      createPaymentSessionsWorkflow.runAsStep({
        input: {
          payment_collection_id: paymentCollectionId,
          provider_id: input.provider_id,
          customer_id: input.customer_id,
          data: {},
        },
      })
    )

    emitEventStep({ eventName: CartWorkflowEvents.UPDATED, data: { id: input.cart_id } })
    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse({
      cart_id: input.cart_id,
      payment_collection_id: paymentCollectionId,
      payment_session_id: transform({ guestSession, fullSession }, ({ guestSession, fullSession }) => {
        return ((guestSession ?? fullSession) as { id: string }).id
      }),
    })
  }
)
