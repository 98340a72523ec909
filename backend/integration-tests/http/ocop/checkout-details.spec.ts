import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { checkoutChanges } from "../../../../plugins/ocop/src/lib/checkout-changes"
import type { Sql } from "../../../../plugins/ocop/src/lib/listing-gate-database"
import { ADDRESS, useCheckoutSpec, shopChanges } from "../../fixtures/checkout"
import { expectStatus, unique } from "../../fixtures/marketplace"

const EARLIER_ADDRESS = { ...ADDRESS, address_1: "5 Trần Phú", city: "Nha Trang", province: "Khánh Hòa" }

/**
 * POST /store/ocop/checkout/:id runs Medusa's refreshes (prices, taxes, promotions) only where they
 * could write something (lib/checkout-changes.ts). Whenever one of them could, the cart must still end
 * exactly as Medusa's own routes leave it; and a refusal after the address was written must leave
 * the cart as it was before the call.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const { fx, operator, who, checkout } = useCheckoutSpec(api, getContainer)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)

    const { cartWith, standardOption, prepare, detailsViaMedusa } = checkout
    const shop = shopChanges(api, getContainer, fx)

    type CartRow = Record<string, unknown> & {
      items: Array<{
        unit_price: unknown
        tax_lines?: Array<{ rate: unknown }>
        adjustments?: Array<{ amount: unknown }>
      }>
      shipping_methods?: Array<{ amount: unknown; tax_lines?: Array<{ rate: unknown }> }> | null
      shipping_address?: { id: string; province?: string | null } | null
      billing_address?: { id: string; province?: string | null } | null
      payment_collection?: {
        amount: unknown
        payment_sessions?: Array<{ provider_id: string; amount: unknown }>
      } | null
    }
    async function cartRow(cartId: string) {
      const { data } = await query().graph({
        entity: "cart",
        fields: [
          "email",
          "customer_id",
          "total",
          "item_total",
          "shipping_total",
          "tax_total",
          "discount_total",
          "items.unit_price",
          "items.tax_lines.rate",
          "items.adjustments.amount",
          "shipping_address.id",
          "shipping_address.province",
          "billing_address.id",
          "billing_address.province",
          "shipping_methods.amount",
          "shipping_methods.tax_lines.rate",
          "payment_collection.amount",
          "payment_collection.payment_sessions.provider_id",
          "payment_collection.payment_sessions.amount",
        ],
        filters: { id: cartId },
      })
      return data[0] as CartRow
    }
    /** What the shopper, the order and the producers see of a cart. */
    async function cartState(cartId: string) {
      const c = await cartRow(cartId)
      return {
        total: Number(c.total),
        item_total: Number(c.item_total),
        shipping_total: Number(c.shipping_total),
        tax_total: Number(c.tax_total),
        discount_total: Number(c.discount_total),
        items: c.items.map((i) => ({
          unit_price: Number(i.unit_price),
          taxes: (i.tax_lines ?? []).map((t) => Number(t.rate)),
          adjustments: (i.adjustments ?? []).map((a) => Number(a.amount)),
        })),
        methods: (c.shipping_methods ?? []).map((m) => ({
          amount: Number(m.amount),
          taxes: (m.tax_lines ?? []).map((t) => Number(t.rate)),
        })),
        provinces: [c.shipping_address?.province ?? null, c.billing_address?.province ?? null],
        collection: c.payment_collection
          ? {
              amount: Number(c.payment_collection.amount),
              sessions: (c.payment_collection.payment_sessions ?? []).map((s) => [s.provider_id, Number(s.amount)]),
            }
          : null,
      }
    }

    it("a refusal after the address was written leaves the cart as it was (email, addresses, customer)", async () => {
      const tea = await operator.listedProductOfNewProducer("Chè Shan tuyết Tà Xùa")
      const cartId = await cartWith([tea.variantId])
      const standard = await standardOption(cartId, tea.producerId)
      const earlierEmail = `${unique("truoc")}@ocop.test`
      await expectStatus(
        api.post(
          `/store/carts/${cartId}`,
          { email: earlierEmail, shipping_address: EARLIER_ADDRESS, billing_address: EARLIER_ADDRESS },
          fx.storeHeaders
        ),
        200
      )
      const before = await cartRow(cartId)

      // A delivery option of this producer's parcel that delivers to Hà Nội only: it passes the parcel
      // check (made before anything is written) and is refused once the Lâm Đồng address is on the cart.
      const fulfillment = getContainer().resolve(Modules.FULFILLMENT)
      const [parcelOption] = await fulfillment.listShippingOptions(
        { id: standard },
        { select: ["id", "shipping_profile_id", "service_zone_id", "provider_id"], relations: ["service_zone"] }
      )
      const zone = await fulfillment.createServiceZones({
        name: unique("Chỉ Hà Nội"),
        fulfillment_set_id: (parcelOption.service_zone as { fulfillment_set_id: string }).fulfillment_set_id,
        geo_zones: [{ type: "province", country_code: "vn", province_code: "Hà Nội" }],
      })
      const {
        result: [hanoiOnly],
      } = await createShippingOptionsWorkflow(getContainer()).run({
        input: [
          {
            name: "Giao nội thành Hà Nội",
            price_type: "flat",
            provider_id: parcelOption.provider_id as string,
            service_zone_id: zone.id,
            shipping_profile_id: parcelOption.shipping_profile_id as string,
            type: { label: "Nội thành", description: "Chỉ giao trong Hà Nội", code: "hanoi" },
            prices: [{ currency_code: "vnd", amount: 15000 }],
            rules: [
              { attribute: "enabled_in_store", value: "true", operator: "eq" },
              { attribute: "is_return", value: "false", operator: "eq" },
            ],
          },
        ],
      })
      const laterEmail = `${unique("sau")}@ocop.test`
      const refused = await prepare(cartId, {
        email: laterEmail,
        shipping_address: ADDRESS,
        billing_address: ADDRESS,
        shipping_option_ids: [hanoiOnly.id],
        provider_id: "pp_system_default",
      })
      expect(refused.status, JSON.stringify(refused.data)).toBe(400)

      const after = await cartRow(cartId)
      expect(after.email).toBe(earlierEmail)
      expect(after.customer_id).toBe(before.customer_id)
      expect(after.shipping_address?.id).toBe(before.shipping_address?.id)
      expect(after.billing_address?.id).toBe(before.billing_address?.id)
      const provinces = [after.shipping_address?.province, after.billing_address?.province]
      expect(provinces).toEqual(["Khánh Hòa", "Khánh Hòa"])
      expect(after.shipping_methods ?? []).toEqual([])
      expect(after.payment_collection ?? null).toBeNull()
      // The guest customer the refused email would have made is gone again.
      const customers = await getContainer().resolve(Modules.CUSTOMER).listCustomers({ email: laterEmail })
      expect(customers).toHaveLength(0)

      // The cart still checks out with an option that delivers there.
      await expectStatus(
        prepare(cartId, {
          email: laterEmail,
          shipping_address: ADDRESS,
          shipping_option_ids: [standard],
          provider_id: "pp_system_default",
        }),
        200
      )
      const done = await cartState(cartId)
      expect(done.provinces).toEqual(["Lâm Đồng", "Khánh Hòa"])
      expect(done.methods).toEqual([{ amount: 30000, taxes: [] }])
      expect(done.collection).toEqual({ amount: done.total, sessions: [["pp_system_default", done.total]] })
    })

    it("the refresh guard sees each thing that could change a checkout, and nothing else", async () => {
      const db = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql
      const honey = await operator.listedProductOfNewProducer("Mật ong rừng U Minh")
      const cartId = await cartWith([honey.variantId])
      const [item] = await getContainer()
        .resolve(Modules.CART)
        .listLineItems({ cart_id: cartId }, { select: ["updated_at"] })
      const input = {
        cart_id: cartId,
        country_code: "vn",
        variant_ids: [honey.variantId],
        items_priced_at: item.updated_at as Date,
      }
      expect(await checkoutChanges(db, input)).toEqual({
        prices_may_change: false,
        taxes_may_apply: false,
        promotions_may_apply: false,
      })
      // No time for an item: anything may have changed since.
      expect((await checkoutChanges(db, { ...input, items_priced_at: null })).prices_may_change).toBe(true)

      await shop.setVariantPrice(honey.variantId, 135000)
      expect((await checkoutChanges(db, input)).prices_may_change).toBe(true)

      const removeVat = await shop.vat8()
      expect((await checkoutChanges(db, input)).taxes_may_apply).toBe(true)
      expect((await checkoutChanges(db, { ...input, country_code: "la" })).taxes_may_apply).toBe(false)
      await removeVat()

      const removePromotion = await shop.automaticTenPercentOff()
      expect((await checkoutChanges(db, input)).promotions_may_apply).toBe(true)
      await removePromotion()
      expect((await checkoutChanges(db, input)).promotions_may_apply).toBe(false)
    })

    it("tax rate, automatic promotion, price changed since the add: the cart ends as Medusa leaves it", async () => {
      const coffee = await operator.listedProductOfNewProducer("Cà phê Robusta Đắk Lắk")
      const viaMedusa = await cartWith([coffee.variantId])
      const viaOurs = await cartWith([coffee.variantId])
      const optionMedusa = await standardOption(viaMedusa, coffee.producerId)
      const optionOurs = await standardOption(viaOurs, coffee.producerId)

      await shop.setVariantPrice(coffee.variantId, 142000)
      const removeVat = await shop.vat8()
      const removePromotion = await shop.automaticTenPercentOff()
      try {
        const email = `${unique("khach")}@ocop.test`
        await detailsViaMedusa(viaMedusa, email, [optionMedusa], who.payByCashOnDelivery)
        await expectStatus(
          prepare(viaOurs, {
            email,
            shipping_address: ADDRESS,
            billing_address: ADDRESS,
            shipping_option_ids: [optionOurs],
            provider_id: "pp_system_default",
          }),
          200
        )
        const ours = await cartState(viaOurs)
        expect(ours).toEqual(await cartState(viaMedusa))
        expect(ours.items[0].unit_price).toBe(142000)
        expect(ours.items[0].taxes).toEqual([8])
        expect(ours.methods[0].taxes).toEqual([8])
        expect(ours.discount_total).toBeGreaterThan(0)
        expect(ours.collection).toEqual({ amount: ours.total, sessions: [["pp_system_default", ours.total]] })
      } finally {
        await removeVat()
        await removePromotion()
      }
    })
  },
})
