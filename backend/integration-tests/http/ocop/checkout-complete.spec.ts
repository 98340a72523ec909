import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  expectRefusal,
  expectStatus,
  operatorActions,
  useMarketplace,
  type HttpResult,
} from "../../fixtures/marketplace"
import {
  completeBehindAnotherCheckout,
  expectNoOversell,
  expectTryAgain,
  raceForLastUnits,
} from "../../fixtures/last-units-race"
import { actors } from "../security/actors"

type PlacedOrder = {
  email: string | null
  region_id: string
  sales_channel_id: string
  customer_id: string | null
  total: unknown
  subtotal: unknown
  shipping_total: unknown
  tax_total: unknown
  metadata: { ocop_shipping_by_producer?: Record<string, { name: string; amount: number }> } | null
  items: Array<{ title: string; product_id: string; variant_id: string; quantity: unknown; unit_price: unknown }>
  shipping_methods: Array<{ name: string; amount: unknown; shipping_option_id: string }>
  shipping_address: { province?: string | null; address_1?: string | null } | null
  producers: Array<{ id: string }>
  payment_collections: Array<{ status: string; authorized_amount: unknown }>
}

/**
 * POST /store/ocop/checkout/:id/complete (workflows/checkout/complete): the storefront's completion.
 * It must place the order Medusa's `POST /store/carts/:id/complete` places — same lines, totals,
 * payment, stock reservation — split by producer with each delivery fee, answer one order however
 * often it is sent, never sell more than the stock, and change nothing for anyone but the cart's shopper.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const operator = operatorActions(api, getContainer, fx)
    const who = actors(api, getContainer, () => fx)

    const complete = (cartId: string, body: unknown = {}, headers = fx.storeHeaders): Promise<HttpResult> =>
      api
        .post(`/store/ocop/checkout/${cartId}/complete`, body, headers)
        .catch((e: { response: HttpResult }) => e.response)

    async function orderOf(orderId: string): Promise<PlacedOrder> {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "order",
          fields: [
            "email",
            "region_id",
            "sales_channel_id",
            "customer_id",
            "total",
            "subtotal",
            "shipping_total",
            "tax_total",
            "metadata",
            "items.title",
            "items.product_id",
            "items.variant_id",
            "items.quantity",
            "items.unit_price",
            "shipping_methods.name",
            "shipping_methods.amount",
            "shipping_methods.shipping_option_id",
            "shipping_address.province",
            "shipping_address.address_1",
            "producers.id",
            "payment_collections.status",
            "payment_collections.authorized_amount",
          ],
          filters: { id: orderId },
        })
      return data[0] as PlacedOrder
    }

    /** What an order says, without its ids: two orders of equal carts must say the same. */
    function shapeOf(o: PlacedOrder) {
      const parts = o.metadata?.ocop_shipping_by_producer ?? {}
      return {
        email: o.email,
        region_id: o.region_id,
        sales_channel_id: o.sales_channel_id,
        customer_id: o.customer_id,
        totals: [o.total, o.subtotal, o.shipping_total, o.tax_total].map(Number),
        items: o.items
          .map((i) => [i.title, i.product_id, i.variant_id, Number(i.quantity), Number(i.unit_price)])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        methods: o.shipping_methods.map((m) => [m.name, Number(m.amount), m.shipping_option_id]).sort(),
        address: o.shipping_address,
        producers: o.producers.map((p) => p.id).sort(),
        parts: Object.fromEntries(
          Object.entries(parts)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([producerId, part]) => [producerId, [part.name, part.amount]])
        ),
        payments: o.payment_collections.map((p) => [p.status, Number(p.authorized_amount)]),
      }
    }

    async function reservationsOf(orderId: string) {
      const order = await getContainer()
        .resolve(Modules.ORDER)
        .retrieveOrder(orderId, { relations: ["items"] })
      const lineIds = (order.items ?? []).map((i: { id: string }) => i.id)
      return getContainer().resolve(Modules.INVENTORY).listReservationItems({ line_item_id: lineIds })
    }

    it("places the order Medusa's completion places, split by producer with each fee, the stock reserved", async () => {
      const rice = await who.producerAccount("HTX Gạo ST25 Sóc Trăng")
      const stocked = await who.stockedProduct(rice.id, "Gạo ST25 túi 5 kg", 10)
      const tea = await operator.listedProductOfNewProducer("Chè Shan tuyết Hà Giang")
      const lines = [
        { variantId: stocked.variantId, quantity: 2 },
        { variantId: tea.variantId, quantity: 1 },
      ]
      const email = "cung-mot-khach@ocop.test"
      const viaMedusa = await who.readyCart(lines, fx.storeHeaders, email)
      const viaOurs = await who.readyCart(lines, fx.storeHeaders, email)

      const medusa = await expectStatus(api.post(`/store/carts/${viaMedusa}/complete`, {}, fx.storeHeaders), 200)
      const ours = await expectStatus(complete(viaOurs), 200)
      expect(ours.data).toEqual({ type: "order", order: { id: expect.stringMatching(/^order_/) } })

      const [mine, theirs] = [await orderOf(ours.data.order.id), await orderOf(medusa.data.order.id)]
      expect(shapeOf(mine)).toEqual(shapeOf(theirs))
      expect(shapeOf(mine).producers).toEqual([rice.id, tea.producerId].sort())
      expect(Object.keys(shapeOf(mine).parts).sort()).toEqual([rice.id, tea.producerId].sort())
      expect(mine.payment_collections.map((p) => p.status)).toEqual(["authorized"])

      const reserved = await reservationsOf(ours.data.order.id)
      expect(
        reserved.map((r: { inventory_item_id: string; quantity: unknown }) => [r.inventory_item_id, Number(r.quantity)])
      ).toEqual([[stocked.inventoryItemId, 2]])
      expect(await who.stockLevel(stocked.inventoryItemId)).toEqual({ stocked: 10, reserved: 4 })
      const cart = await getContainer().resolve(Modules.CART).retrieveCart(viaOurs)
      expect(cart.completed_at).toBeTruthy()
    })

    it("sent twice, five at once, then through Medusa's route (and five at once there): one order each", async () => {
      const fish = await who.producerAccount("HTX Nước mắm Cửa Hội")
      const product = await who.stockedProduct(fish.id, "Nước mắm Vạn Phần chai 500 ml", 20)
      const cartId = await who.readyCart([{ variantId: product.variantId, quantity: 1 }])

      const first = await expectStatus(complete(cartId), 200)
      const again = await expectStatus(complete(cartId), 200) // a double click
      const parallel = await Promise.all(Array.from({ length: 5 }, () => complete(cartId)))
      for (const a of parallel) expect(a.status, JSON.stringify(a.data)).toBe(200)
      const viaMedusa = await expectStatus(api.post(`/store/carts/${cartId}/complete`, {}, fx.storeHeaders), 200)
      const ids = new Set([first, again, ...parallel, viaMedusa].map((a) => a.data.order.id))
      expect(ids.size).toBe(1)

      const orders = await getContainer().resolve(Modules.ORDER).listOrderLineItems({ variant_id: product.variantId })
      expect(orders).toHaveLength(1)
      expect(await who.stockLevel(product.inventoryItemId)).toEqual({ stocked: 20, reserved: 1 })

      // Five at once on a fresh cart: one order for all of them.
      const other = await who.readyCart([{ variantId: product.variantId, quantity: 1 }])
      const together = await Promise.all(Array.from({ length: 5 }, () => complete(other)))
      for (const a of together) expect(a.status, JSON.stringify(a.data)).toBe(200)
      expect(new Set(together.map((a) => a.data.order.id)).size).toBe(1)
      expect(await who.stockLevel(product.inventoryItemId)).toEqual({ stocked: 20, reserved: 2 })

      // Five at once through Medusa's route (its stock check and delivery check: one order, reserved once).
      const third = await who.readyCart([{ variantId: product.variantId, quantity: 1 }])
      const viaMedusaTogether = await Promise.all(
        Array.from({ length: 5 }, () =>
          api
            .post(`/store/carts/${third}/complete`, {}, fx.storeHeaders)
            .catch((e: { response: HttpResult }) => e.response)
        )
      )
      for (const a of viaMedusaTogether) expect(a.status, JSON.stringify(a.data)).toBe(200)
      expect(new Set(viaMedusaTogether.map((a) => a.data.order.id)).size).toBe(1)
      expect(await who.stockLevel(product.inventoryItemId)).toEqual({ stocked: 20, reserved: 3 })
    })

    it("refuses a body (400 naming the field), another's cart and an unknown one (404), changing nothing", async () => {
      const honey = await who.producerAccount("HTX Mật ong Bạc Hà Đồng Văn")
      const product = await who.stockedProduct(honey.id, "Mật ong bạc hà 500 g", 3)
      const owner = await who.customerAccount("Lan")
      const stranger = await who.customerAccount("Minh")
      const cartId = await who.readyCart([{ variantId: product.variantId, quantity: 1 }], owner.auth)

      await expectRefusal(complete(cartId, { cart_id: "cart_other" }, owner.auth), 400, "cart_id")
      await expectRefusal(complete(cartId, { idempotency_key: 1 }, owner.auth), 400, "idempotency_key")
      await expectStatus(complete(cartId, {}, stranger.auth), 404)
      await expectStatus(complete(cartId), 404) // no login at all
      await expectStatus(complete("cart_01JNOTHEREATALL0000000000"), 404)

      const cart = await getContainer().resolve(Modules.CART).retrieveCart(cartId)
      expect(cart.completed_at).toBeFalsy()
      expect(await who.stockLevel(product.inventoryItemId)).toEqual({ stocked: 3, reserved: 0 })

      const placed = await expectStatus(complete(cartId, {}, owner.auth), 200)
      expect((await orderOf(placed.data.order.id)).customer_id).toBe(cart.customer_id)
      expect(await who.stockLevel(product.inventoryItemId)).toEqual({ stocked: 3, reserved: 1 })
    })

    it("too long behind another checkout of the item: 409 'busy', nothing written; then it goes through", async () => {
      const tea = await who.producerAccount("HTX Chè Tân Cương")
      const product = await who.stockedProduct(tea.id, "Chè móc câu Tân Cương", 2)
      const cartId = await who.readyCart([{ variantId: product.variantId, quantity: 1 }])
      const locking = getContainer().resolve(Modules.LOCKING)
      expectTryAgain(await completeBehindAnotherCheckout(locking, product.inventoryItemId, () => complete(cartId)))
      expect(await who.stockLevel(product.inventoryItemId)).toEqual({ stocked: 2, reserved: 0 })
      expect((await getContainer().resolve(Modules.CART).retrieveCart(cartId)).completed_at).toBeFalsy()
      await expectStatus(complete(cartId), 200)
      expect(await who.stockLevel(product.inventoryItemId)).toEqual({ stocked: 2, reserved: 1 })
    })

    it("the last units, 12 parallel shoppers: orders = units, the others 409 'sold out', no oversell", async () => {
      const UNITS = 3
      const SHOPPERS = 12
      const coffee = await who.producerAccount("HTX Cà phê Cầu Đất")
      const product = await who.stockedProduct(coffee.id, "Cà phê Arabica Cầu Đất (lô cuối)", UNITS)
      const { finals } = await raceForLastUnits({
        shoppers: SHOPPERS,
        batch: 6,
        attempts: 10,
        readyCart: () => who.readyCart([{ variantId: product.variantId, quantity: 1 }]),
        complete,
      })
      const lines = await getContainer().resolve(Modules.ORDER).listOrderLineItems({ variant_id: product.variantId })
      expectNoOversell(finals, UNITS, {
        stock: await who.stockLevel(product.inventoryItemId),
        orderLines: lines.length,
      })
    }, 300_000)
  },
})
