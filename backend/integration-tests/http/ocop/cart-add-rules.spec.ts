import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { ADDRESS } from "../../fixtures/checkout"
import {
  certificationBody,
  expectRefusal,
  expectStatus,
  operatorActions,
  publishedProduct,
  unique,
  useMarketplace,
} from "../../fixtures/marketplace"

/**
 * Issue 14, the storefront's add to cart (POST /store/ocop/carts/:id/line-items and POST /store/ocop/carts):
 * - an Idempotency-Key reused with a different body is a 409 naming the key, with nothing added; the same
 *   body is replayed;
 * - the stock check runs inside the add, on the inventory the add reads once: more than is left is a 400
 *   in both languages saying how many are left (counting what the cart holds), with nothing added;
 * - on a cart that already has a promotion, a shipping method and a payment collection, the lean add runs
 *   Medusa's whole refresh: the new line gets its adjustment and the payment collection follows the total,
 *   exactly as after Medusa's own add on a twin cart.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const operator = operatorActions(api, getContainer, fx)

    async function listedVariant(title: string, stocked?: number) {
      const producer = await operator.producer({ name: `${title} ${unique("")}`, phone: "0912 345 678" })
      if (stocked === undefined) {
        const { product } = await operator.certifiedProduct({ title, producerId: producer.id })
        return product.variants[0].id as string
      }
      const container = getContainer()
      const { result } = await createProductsWorkflow(container).run({
        input: {
          products: [
            publishedProduct(fx, { title, handle: unique("p"), price: 90000, pack: "Hũ", manageInventory: true }),
          ],
        },
      })
      const productId = result[0].id
      await expectStatus(
        api.post(`/admin/ocop/products/${productId}/producer`, { producer_id: producer.id }, fx.adminHeaders),
        200
      )
      const filed = await api.post("/admin/ocop/certifications", certificationBody(productId), fx.adminHeaders)
      await expectStatus(operator.approveCertification(filed.data.certification.id), 200)
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "variant",
        fields: ["id", "inventory_items.inventory_item_id"],
        filters: { id: result[0].variants[0].id },
      })
      await container.resolve(Modules.INVENTORY).createInventoryLevels([
        {
          inventory_item_id: data[0].inventory_items?.[0]?.inventory_item_id as string,
          location_id: fx.stockLocationId,
          stocked_quantity: stocked,
        },
      ])
      return result[0].variants[0].id as string
    }

    const withKey = (key?: string) => ({
      headers: { ...fx.storeHeaders.headers, ...(key ? { "Idempotency-Key": key } : {}) },
    })
    async function newCart() {
      const { data } = await api.post("/store/carts", { region_id: fx.regionId }, fx.storeHeaders)
      return data.cart.id as string
    }
    const leanAdd = (cartId: string, body: Record<string, unknown>, key?: string) =>
      api.post(`/store/ocop/carts/${cartId}/line-items`, body, withKey(key))
    const medusaAdd = (cartId: string, body: Record<string, unknown>, key?: string) =>
      api.post(`/store/carts/${cartId}/line-items`, body, withKey(key))
    const start = (body: Record<string, unknown>, key?: string) =>
      api.post("/store/ocop/carts", { region_id: fx.regionId, ...body }, withKey(key))
    const unitsIn = async (cartId: string) =>
      (
        (await api.get(`/store/carts/${cartId}?fields=id,*items`, fx.storeHeaders)).data.cart.items as Array<{
          variant_id: string
          quantity: number
        }>
      )
        .map((i) => `${i.variant_id}×${i.quantity}`)
        .sort()

    it("refuses a key reused with another body (409 naming the key), replays the same body", async () => {
      const tea = await listedVariant("Trà Ô long Lâm Đồng")
      const coffee = await listedVariant("Cà phê Robusta Đắk Lắk")
      for (const add of [leanAdd, medusaAdd]) {
        const cartId = await newCart()
        const key = unique("body")
        await expectStatus(add(cartId, { variant_id: tea, quantity: 1 }, key), 200)
        for (const other of [
          { variant_id: coffee, quantity: 1 },
          { variant_id: tea, quantity: 2 },
        ]) {
          const refused = await expectRefusal(add(cartId, other, key), 409, new RegExp(key))
          expect(refused.data.code).toBe("idempotency_key_reused")
          expect(refused.data.message_vi).toMatch(/đã được dùng cho một lần thêm sản phẩm khác/)
          expect(refused.data.message_en).toMatch(/already used for a different add/)
        }
        const replay = await expectStatus(add(cartId, { variant_id: tea, quantity: 1 }, key), 200)
        expect(replay.headers["idempotent-replayed"]).toBe("true")
        expect(await unitsIn(cartId)).toEqual([`${tea}×1`])
      }

      // A new cart with its first line: the same key with another product names the key, starts nothing.
      const key = unique("start-body")
      const started = await expectStatus(start({ variant_id: tea, quantity: 1 }, key), 200)
      const cartId = started.data.cart.id as string
      const startRefused = await expectRefusal(start({ variant_id: coffee, quantity: 1 }, key), 409, new RegExp(key))
      expect(startRefused.data.code).toBe("idempotency_key_reused")
      // ... and on the cart's add route, which the storefront uses once it knows the cart.
      await expectRefusal(leanAdd(cartId, { variant_id: tea, quantity: 3 }, key), 409, new RegExp(key))
      const again = await expectStatus(start({ variant_id: tea, quantity: 1 }, key), 200)
      expect(again.headers["idempotent-replayed"]).toBe("true")
      expect(again.data.cart.id).toBe(cartId)
      expect(await unitsIn(cartId)).toEqual([`${tea}×1`])
    })

    it("checks stock in the add: more than is left is a 400 with the figure, counting the cart", async () => {
      const honey = await listedVariant("Mật ong hoa nhãn Hưng Yên", 3)
      const cartId = await newCart()
      const tooMany = await expectRefusal(leanAdd(cartId, { variant_id: honey, quantity: 4 }), 400, /Only 3 of/)
      expect(tooMany.data.code).toBe("insufficient_stock")
      expect(tooMany.data.message_vi).toMatch(/Chỉ còn 3 sản phẩm “Mật ong hoa nhãn Hưng Yên”/)
      expect(await unitsIn(cartId)).toEqual([])

      await expectStatus(leanAdd(cartId, { variant_id: honey, quantity: 2 }), 200)
      const more = await expectRefusal(leanAdd(cartId, { variant_id: honey, quantity: 2 }), 400, /already holds 2/)
      expect(more.data.code).toBe("insufficient_stock")
      const answer = await expectStatus(leanAdd(cartId, { variant_id: honey, quantity: 1 }), 200)
      expect(answer.data.cart.items.map((i: { quantity: number }) => i.quantity)).toEqual([3])
      expect(await unitsIn(cartId)).toEqual([`${honey}×3`])
      await expectRefusal(leanAdd(cartId, { variant_id: honey, quantity: 1 }), 400, /Only 3 of/)

      // A new cart's first line: the same check.
      await expectRefusal(start({ variant_id: honey, quantity: 4 }), 400, /Only 3 of/)
    })

    it("takes whole units only on Medusa's add and line update, as on ours: 1.5 is a 400 naming quantity", async () => {
      const honey = await listedVariant("Mật ong bạc hà Hà Giang", 5)
      const cartId = await newCart()
      for (const add of [medusaAdd, leanAdd]) {
        const refused = await expectRefusal(add(cartId, { variant_id: honey, quantity: 1.5 }), 400, /quantity/)
        expect(Object.keys(refused.data.errors ?? {})).toEqual(["quantity"])
      }
      expect(await unitsIn(cartId)).toEqual([])
      const added = await expectStatus(medusaAdd(cartId, { variant_id: honey, quantity: 2 }), 200)
      const lineId = added.data.cart.items[0].id as string
      const edit = (quantity: unknown) =>
        api.post(`/store/carts/${cartId}/line-items/${lineId}`, { quantity }, fx.storeHeaders)
      const refused = await expectRefusal(edit(2.5), 400, /whole number/)
      expect(refused.data.errors).toEqual({ quantity: expect.stringMatching(/Số lượng phải là số nguyên/) })
      expect(await unitsIn(cartId)).toEqual([`${honey}×2`])
      await expectStatus(edit(3), 200)
      expect(await unitsIn(cartId)).toEqual([`${honey}×3`])
    })

    it("runs the whole refresh on a cart with a promotion, a shipping method and a payment collection", async () => {
      const tea = await listedVariant("Chè San Tuyết Suối Giàng")
      const coffee = await listedVariant("Cà phê Arabica Sơn La")
      const code = unique("GIAM10").toUpperCase()
      await expectStatus(
        api.post(
          "/admin/promotions",
          {
            code,
            type: "standard",
            status: "active",
            application_method: { type: "percentage", target_type: "items", allocation: "across", value: 10 },
          },
          fx.adminHeaders
        ),
        200
      )
      /** A cart holding the tea, with the promotion, a shipping method and a payment collection. */
      async function preparedCart() {
        const cartId = await newCart()
        await expectStatus(medusaAdd(cartId, { variant_id: tea, quantity: 1 }), 200)
        await expectStatus(
          api.post(`/store/carts/${cartId}`, { email: "an@example.vn", shipping_address: ADDRESS }, fx.storeHeaders),
          200
        )
        await expectStatus(api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [code] }, fx.storeHeaders), 200)
        const options = (await api.get(`/store/shipping-options?cart_id=${cartId}`, fx.storeHeaders)).data
          .shipping_options as Array<{ id: string }>
        expect(options.length).toBeGreaterThan(0)
        await expectStatus(
          api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options[0].id }, fx.storeHeaders),
          200
        )
        await expectStatus(api.post("/store/payment-collections", { cart_id: cartId }, fx.storeHeaders), 200)
        return cartId
      }
      const FIELDS =
        "id,total,subtotal,discount_total,shipping_total,item_total,*items,items.adjustments.amount," +
        "items.adjustments.code,*shipping_methods,payment_collection.amount"
      type Seen = {
        total: number
        discount_total: number
        shipping_total: number
        items: Array<{ variant_id: string; quantity: number; adjustments?: Array<{ amount: number; code: string }> }>
        shipping_methods: Array<{ amount: number; shipping_option_id: string }>
        payment_collection?: { amount: number } | null
      }
      const seen = async (cartId: string) => {
        const cart = (await api.get(`/store/carts/${cartId}?fields=${FIELDS}`, fx.storeHeaders)).data.cart as Seen
        return {
          total: cart.total,
          discount_total: cart.discount_total,
          shipping_total: cart.shipping_total,
          items: cart.items
            .map((i) => ({
              variant_id: i.variant_id,
              quantity: i.quantity,
              adjustments: (i.adjustments ?? []).map((a) => [a.code, a.amount]),
            }))
            .sort((a, b) => a.variant_id.localeCompare(b.variant_id)),
          shipping: cart.shipping_methods.map((m) => [m.shipping_option_id, m.amount]),
          collected: cart.payment_collection?.amount,
        }
      }

      const [ours, theirs] = [await preparedCart(), await preparedCart()]
      await expectStatus(leanAdd(ours, { variant_id: coffee, quantity: 2 }), 200)
      await expectStatus(medusaAdd(theirs, { variant_id: coffee, quantity: 2 }), 200)
      const [a, b] = [await seen(ours), await seen(theirs)]
      expect(a).toEqual(b)
      // What only the refresh does: the new line's discount and the payment collection's new amount.
      const added = a.items.find((i) => i.variant_id === coffee)
      expect(added?.adjustments).toEqual([[code, expect.any(Number)]])
      expect(added?.adjustments?.[0]?.[1]).toBeGreaterThan(0)
      expect(a.discount_total).toBeGreaterThan(added?.adjustments?.[0]?.[1] as number)
      expect(a.collected).toBe(a.total)
      expect(a.shipping).toHaveLength(1)
    })
  },
})
