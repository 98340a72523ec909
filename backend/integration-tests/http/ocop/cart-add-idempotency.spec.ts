import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { expectStatus, operatorActions, useMarketplace, unique } from "../../fixtures/marketplace"

/**
 * Issue 14: a repeated "add to cart" (double click, retried form) carries the same Idempotency-Key
 * and has one effect; different keys, or none (Medusa's js-sdk as documented), add each time.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const operator = operatorActions(api, getContainer, fx)

    async function listedVariant(title: string) {
      const producer = await operator.producer({ name: `${title} ${unique("")}`, phone: "0912 345 678" })
      const { product } = await operator.certifiedProduct({ title, producerId: producer.id })
      return product.variants[0].id as string
    }

    async function newCart() {
      const { data } = await api.post("/store/carts", { region_id: fx.regionId }, fx.storeHeaders)
      return data.cart.id as string
    }

    const add = (cartId: string, variant_id: string, key?: string) =>
      api.post(
        `/store/carts/${cartId}/line-items`,
        { variant_id, quantity: 1 },
        { headers: { ...fx.storeHeaders.headers, ...(key ? { "Idempotency-Key": key } : {}) } }
      )

    const unitsIn = async (cartId: string) => {
      const cart = (await api.get(`/store/carts/${cartId}`, fx.storeHeaders)).data.cart
      return (cart.items as Array<{ quantity: number }>).reduce((n, i) => n + i.quantity, 0)
    }

    it("adds once for 5 parallel posts with one key, each answered with the cart holding 1 unit", async () => {
      const variantId = await listedVariant("Trà shan tuyết")
      const cartId = await newCart()
      const key = unique("add")
      const answers = await Promise.all(Array.from({ length: 5 }, () => expectStatus(add(cartId, variantId, key), 200)))
      expect(await unitsIn(cartId)).toBe(1)
      for (const answer of answers)
        expect(answer.data.cart.items.map((i: { quantity: number }) => i.quantity)).toEqual([1])
      expect(answers.filter((a) => a.headers["idempotent-replayed"] === "true")).toHaveLength(4)

      // Later resubmission of the same form: still the one unit.
      const again = await expectStatus(add(cartId, variantId, key), 200)
      expect(again.headers["idempotent-replayed"]).toBe("true")
      expect(await unitsIn(cartId)).toBe(1)
    })

    it("adds 5 units for 5 parallel posts with different keys, and adds each time without a key", async () => {
      const variantId = await listedVariant("Cà phê Cầu Đất")
      const cartId = await newCart()
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, n) => expectStatus(add(cartId, variantId, unique(`k${n}`)), 200))
      )
      expect(answers.every((a) => a.headers["idempotent-replayed"] === undefined)).toBe(true)
      expect(await unitsIn(cartId)).toBe(5)

      await expectStatus(add(cartId, variantId), 200)
      await expectStatus(add(cartId, variantId), 200)
      expect(await unitsIn(cartId)).toBe(7)
    })

    it("keeps a key per cart, lets a refused add be retried with its key, and refuses a malformed key", async () => {
      const variantId = await listedVariant("Mắc ca Lâm Hà")
      const key = unique("shared")
      const [first, second] = [await newCart(), await newCart()]
      await expectStatus(add(first, variantId, key), 200)
      await expectStatus(add(second, variantId, key), 200)
      expect([await unitsIn(first), await unitsIn(second)]).toEqual([1, 1])

      // A refusal leaves no record: the same key adds once the cause is gone.
      const retryKey = unique("retry")
      await expectStatus(add(first, "variant_does_not_exist", retryKey), 400)
      const retried = await expectStatus(add(first, variantId, retryKey), 200)
      expect(retried.headers["idempotent-replayed"]).toBeUndefined()
      expect(await unitsIn(first)).toBe(2)

      const bad = await expectStatus(add(first, variantId, "two words"), 400)
      expect(Object.keys(bad.data.errors)).toEqual(["Idempotency-Key"])
      expect(await unitsIn(first)).toBe(2)
    })
  },
})
