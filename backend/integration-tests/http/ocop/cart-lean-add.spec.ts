import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { expectRefusal, expectStatus, operatorActions, unique, useMarketplace } from "../../fixtures/marketplace"
import { actors, withHeaders } from "../security/actors"

/**
 * Issue 14: the storefront's add to cart — POST /store/ocop/carts/:id/line-items (our lean add) and
 * POST /store/ocop/carts (a new cart with its first line, one call) — leaves the cart exactly as
 * Medusa's own POST /store/carts/:id/line-items does, with the same listing gate, input checks and
 * Idempotency-Key; another account's, a completed or a missing cart is a 404 with nothing changed.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const operator = operatorActions(api, getContainer, fx)
    const people = actors(api, getContainer, () => fx)

    async function listedVariant(title: string, approve = true) {
      const producer = await operator.producer({ name: `${title} ${unique("")}`, phone: "0912 345 678" })
      const { product } = await operator.certifiedProduct({ title, producerId: producer.id, approve })
      return product.variants[0].id as string
    }

    const headers = (key?: string, auth?: { headers: Record<string, string> }) => ({
      headers: { ...(auth?.headers ?? fx.storeHeaders.headers), ...(key ? { "Idempotency-Key": key } : {}) },
    })
    async function newCart(auth?: { headers: Record<string, string> }) {
      const { data } = await api.post("/store/carts", { region_id: fx.regionId }, auth ?? fx.storeHeaders)
      return data.cart.id as string
    }
    const leanAdd = (
      cartId: string,
      body: Record<string, unknown>,
      key?: string,
      auth?: { headers: Record<string, string> }
    ) => api.post(`/store/ocop/carts/${cartId}/line-items`, body, headers(key, auth))
    const medusaAdd = (cartId: string, body: Record<string, unknown>) =>
      api.post(`/store/carts/${cartId}/line-items`, body, fx.storeHeaders)
    const start = (body: Record<string, unknown>, key?: string) =>
      api.post("/store/ocop/carts", { region_id: fx.regionId, ...body }, headers(key))

    const FIELDS =
      "id,total,subtotal,tax_total,item_total,*items,items.tax_lines.rate,items.tax_lines.code,items.adjustments.id"
    const cartOf = async (cartId: string): Promise<Cart> =>
      (await api.get(`/store/carts/${cartId}?fields=${FIELDS}`, fx.storeHeaders)).data.cart
    /** What a shopper sees of a cart, without ids and times. */
    type Line = Record<string, unknown> & { tax_lines?: Array<{ code: string; rate: number }>; adjustments?: unknown[] }
    type Cart = { total: number; subtotal: number; tax_total: number; items: Line[] }
    const seen = (cart: Cart) => ({
      total: cart.total,
      subtotal: cart.subtotal,
      tax_total: cart.tax_total,
      items: cart.items.map((i) => ({
        variant_id: i.variant_id,
        product_title: i.product_title,
        title: i.title,
        quantity: i.quantity,
        unit_price: i.unit_price,
        is_tax_inclusive: i.is_tax_inclusive,
        requires_shipping: i.requires_shipping,
        tax_lines: (i.tax_lines ?? []).map((t) => [t.code, t.rate]),
        adjustments: (i.adjustments ?? []).length,
      })),
    })

    it("adds, and adds again into the same line, exactly as Medusa's route does", async () => {
      const tea = await listedVariant("Trà shan tuyết Hà Giang")
      const coffee = await listedVariant("Cà phê Cầu Đất")
      const [ours, theirs] = [await newCart(), await newCart()]
      for (const [variant_id, quantity] of [
        [tea, 1],
        [coffee, 2],
        [tea, 3],
      ] as const) {
        const answer = await expectStatus(leanAdd(ours, { variant_id, quantity }), 200)
        await expectStatus(medusaAdd(theirs, { variant_id, quantity }), 200)
        expect(answer.data.cart.id).toBe(ours)
      }
      const [a, b] = [await cartOf(ours), await cartOf(theirs)]
      expect(seen(a)).toEqual(seen(b))
      expect(
        seen(a)
          .items.map((i) => i.quantity)
          .sort()
      ).toEqual([2, 4])
    })

    it("starts one cart with its first line once per Idempotency-Key; the same form later adds nothing", async () => {
      const tea = await listedVariant("Chè Tân Cương")
      const key = unique("start")
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => expectStatus(start({ variant_id: tea, quantity: 1 }, key), 200))
      )
      const ids = new Set(answers.map((a) => a.data.cart.id))
      expect(ids.size).toBe(1)
      expect(answers.filter((a) => a.headers["idempotent-replayed"] === "true")).toHaveLength(4)
      const [cartId] = [...ids]
      const again = await expectStatus(leanAdd(cartId, { variant_id: tea, quantity: 1 }, key), 200)
      expect(again.headers["idempotent-replayed"]).toBe("true")
      const cart = await cartOf(cartId)
      expect(cart.items.map((i: { quantity: number }) => i.quantity)).toEqual([1])

      // Built as Medusa builds a cart's first line.
      const theirs = await newCart()
      await expectStatus(medusaAdd(theirs, { variant_id: tea, quantity: 1 }), 200)
      expect(seen(cart)).toEqual(seen(await cartOf(theirs)))

      // Without a key: a new cart each time.
      const [x, y] = await Promise.all([1, 2].map(() => expectStatus(start({ variant_id: tea, quantity: 1 }), 200)))
      expect(x.data.cart.id).not.toBe(y.data.cart.id)
    })

    it("adds once for 5 parallel adds with one key on an open cart", async () => {
      const tea = await listedVariant("Mắc ca Lâm Hà")
      const cartId = await newCart()
      const key = unique("add")
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => expectStatus(leanAdd(cartId, { variant_id: tea, quantity: 1 }, key), 200))
      )
      expect(answers.filter((a) => a.headers["idempotent-replayed"] === "true")).toHaveLength(4)
      for (const a of answers) expect(a.data.cart.items.map((i: { quantity: number }) => i.quantity)).toEqual([1])
      expect((await cartOf(cartId)).items.map((i: { quantity: number }) => i.quantity)).toEqual([1])
    })

    it("keeps the listing gate: an uncertified product enters no cart, new or open", async () => {
      const uncertified = await listedVariant("Mật ong bạc hà Đồng Văn", false)
      const cartId = await newCart()
      const refused = await expectRefusal(leanAdd(cartId, { variant_id: uncertified, quantity: 1 }), 400, /OCOP/)
      expect(refused.data.message).toContain("Mật ong bạc hà Đồng Văn")
      expect((await cartOf(cartId)).items).toEqual([])
      const key = unique("gate")
      await expectRefusal(start({ variant_id: uncertified, quantity: 1 }, key), 400, /OCOP/)
      // Nothing was started under the key: the same key starts a cart once the product may be sold.
      const tea = await listedVariant("Chè Thái Nguyên")
      const started = await expectStatus(start({ variant_id: tea, quantity: 1 }, key), 200)
      expect(started.headers["idempotent-replayed"]).toBeUndefined()
    })

    it("refuses malformed input with a 400 naming the field, and changes nothing", async () => {
      const tea = await listedVariant("Gạo ST25")
      const cartId = await newCart()
      for (const [body, field] of [
        [{ quantity: 1 }, "variant_id"],
        [{ variant_id: tea, quantity: "two" }, "quantity"],
        [{ variant_id: tea, quantity: 0 }, "quantity"],
        [{ variant_id: tea, quantity: 1.5 }, "quantity"],
        [{ variant_id: tea, quantity: 1, unit_price: 1 }, "_"],
      ] as const) {
        const bad = await expectStatus(leanAdd(cartId, body), 400)
        expect(Object.keys(bad.data.errors)).toEqual([field])
        const badStart = await expectStatus(start(body), 400)
        expect(Object.keys(badStart.data.errors)).toContain(field)
      }
      const badKey = await expectStatus(leanAdd(cartId, { variant_id: tea, quantity: 1 }, "two words"), 400)
      expect(Object.keys(badKey.data.errors)).toEqual(["Idempotency-Key"])
      expect((await cartOf(cartId)).items).toEqual([])
    })

    it("answers 404 for another account's cart or a missing one, with nothing changed", async () => {
      const tea = await listedVariant("Nước mắm Phú Quốc")
      const [owner, other] = [await people.customerAccount("An"), await people.customerAccount("Bình")]
      const ownersCart = await newCart(owner.auth)
      await expectStatus(leanAdd(ownersCart, { variant_id: tea, quantity: 1 }, undefined, owner.auth), 200)
      const before = seen(await cartOf(ownersCart))
      for (const auth of [other.auth, fx.storeHeaders]) {
        await expectStatus(leanAdd(ownersCart, { variant_id: tea, quantity: 5 }, undefined, auth), 404)
      }
      expect(seen(await cartOf(ownersCart))).toEqual(before)
      await expectStatus(leanAdd("cart_01NOTACART0000000000000000", { variant_id: tea, quantity: 1 }), 404)
      // A signed-in shopper's new cart is theirs from the start.
      const started = await expectStatus(
        api.post(
          "/store/ocop/carts",
          { region_id: fx.regionId, variant_id: tea, quantity: 1 },
          withHeaders(owner.auth, {})
        ),
        200
      )
      await expectStatus(leanAdd(started.data.cart.id, { variant_id: tea, quantity: 1 }, undefined, other.auth), 404)
      await expectStatus(leanAdd(started.data.cart.id, { variant_id: tea, quantity: 1 }, undefined, owner.auth), 200)
    })
  },
})
