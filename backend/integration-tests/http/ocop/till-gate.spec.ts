import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"
import { eventually, expectRefusal, expectStatus, type HttpResult, useMarketplace } from "../../fixtures/marketplace"
import { actors } from "../security/actors"

const NOT_FOR_SALE = /không còn được bán trên Chợ OCOP.*can no longer be sold on the OCOP marketplace/s

/**
 * The till's one listing gate (lib/cart-gate.ts: the database's `ocop_listing_gate_reasons`, one statement)
 * and its one stock reader (lib/channel-stock.ts), where they could answer otherwise than the TypeScript
 * gate and Medusa's query.graph read they replaced: a product deleted under a variant that was not, a
 * certificate that expired at the database's clock with no job run since, a channel with several stock
 * locations. Both completions — ours and Medusa's route with our hook — must answer alike.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const who = actors(api, getContainer, () => fx)
    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const completeOurs = (cartId: string): Promise<HttpResult> =>
      api.post(`/store/ocop/checkout/${cartId}/complete`, {}, fx.storeHeaders)
    const completeMedusa = (cartId: string): Promise<HttpResult> =>
      api.post(`/store/carts/${cartId}/complete`, {}, fx.storeHeaders)
    const ordersOf = (variantId: string) =>
      getContainer().resolve(Modules.ORDER).listOrderLineItems({ variant_id: variantId })

    it("refuses on both completions a line whose product was deleted under a live variant: no order", async () => {
      const maker = await who.producerAccount("HTX Bánh tráng Trảng Bàng")
      const product = await who.stockedProduct(maker.id, "Bánh tráng phơi sương", 10)
      const viaOurs = await who.readyCart([{ variantId: product.variantId, quantity: 1 }])
      const viaMedusa = await who.readyCart([{ variantId: product.variantId, quantity: 1 }])

      // A writer we do not control (a script, raw SQL) deletes the product and leaves its variant.
      await db().raw("UPDATE product SET deleted_at = now() WHERE id = ?", [product.id])

      // One after the other: a second request started early would reject before it is awaited.
      for (const complete of [() => completeOurs(viaOurs), () => completeMedusa(viaMedusa)]) {
        const refused = await expectRefusal(complete(), 400, NOT_FOR_SALE)
        expect(refused.data.message).toContain("Bánh tráng phơi sương")
        expect(refused.data.type).not.toBe("order")
      }
      expect(await ordersOf(product.variantId)).toHaveLength(0)
      expect(await who.stockLevel(product.inventoryItemId)).toEqual({ stocked: 10, reserved: 0 })
      const carts = await getContainer()
        .resolve(Modules.CART)
        .listCarts({ id: [viaOurs, viaMedusa] })
      expect(carts.map((c: { completed_at?: unknown }) => c.completed_at ?? null)).toEqual([null, null])
    })

    it("refuses a certificate expired at the database's clock, no job run: adds and both completions", async () => {
      const maker = await who.producerAccount("HTX Nem chua Thanh Hóa")
      const product = await who.stockedProduct(maker.id, "Nem chua Thanh Hóa hộp 10 chiếc", 10)
      const viaOurs = await who.readyCart([{ variantId: product.variantId, quantity: 1 }])
      const viaMedusa = await who.readyCart([{ variantId: product.variantId, quantity: 1 }])

      // Valid for two more seconds of the database's clock, then the time passes: no trigger, no job.
      const { rows } = await db().raw(
        `UPDATE ocop_certification SET expires_at = now() + interval '2 seconds'
          WHERE product_id = ? AND status = 'approved' AND deleted_at IS NULL RETURNING expires_at`,
        [product.id]
      )
      expect(rows).toHaveLength(1)
      await eventually(
        async () => {
          const { rows: now } = await db().raw("SELECT now() > ?::timestamptz AS passed", [rows[0].expires_at])
          if (!now[0].passed) throw new Error("not yet")
        },
        { what: "the certificate's expiry to pass at the database's clock", timeoutMs: 20_000 }
      )

      // One after the other: a second request started early would reject before it is awaited.
      for (const complete of [() => completeOurs(viaOurs), () => completeMedusa(viaMedusa)]) {
        const refused = await expectRefusal(complete(), 400, NOT_FOR_SALE)
        expect(refused.data.message).toContain("Nem chua Thanh Hóa hộp 10 chiếc")
        expect(refused.data.message).toContain("chứng nhận OCOP đã hết hạn")
        expect(refused.data.message).toContain("its OCOP certificate has expired")
      }
      const { data } = await api.post("/store/carts", { region_id: fx.regionId }, fx.storeHeaders)
      for (const url of [`/store/carts/${data.cart.id}/line-items`, `/store/ocop/carts/${data.cart.id}/line-items`]) {
        await expectRefusal(
          api.post(url, { variant_id: product.variantId, quantity: 1 }, fx.storeHeaders),
          400,
          /chứng nhận OCOP đã hết hạn/
        )
      }
      expect(await ordersOf(product.variantId)).toHaveLength(0)
      expect(await who.stockLevel(product.inventoryItemId)).toEqual({ stocked: 10, reserved: 0 })
    })

    it("reads both stock locations of the channel: none can give the line alone → 409; one can → placed", async () => {
      const maker = await who.producerAccount("HTX Cà phê Cầu Đất")
      const product = await who.stockedProduct(maker.id, "Cà phê Cầu Đất 250 g", 2)
      const container = getContainer()
      const locations = container.resolve(Modules.STOCK_LOCATION)
      const [second] = await locations.createStockLocations([{ name: "Kho Đà Lạt" }])
      await container.resolve(ContainerRegistrationKeys.LINK).create({
        [Modules.SALES_CHANNEL]: { sales_channel_id: fx.marketplaceChannelId },
        [Modules.STOCK_LOCATION]: { stock_location_id: second.id },
      })
      await createInventoryLevelsWorkflow(container).run({
        input: {
          inventory_levels: [
            { inventory_item_id: product.inventoryItemId, location_id: second.id, stocked_quantity: 2 },
          ],
        },
      })

      // The channel holds 4 units, 2 at each location: the add (all locations together) takes 3, the
      // reservation (one location) cannot.
      const three = await who.readyCart([{ variantId: product.variantId, quantity: 3 }])
      const soldOut = await expectStatus(completeOurs(three), 409)
      expect(soldOut.data.code).toBe("sold_out")
      expect(await ordersOf(product.variantId)).toHaveLength(0)

      const two = await who.readyCart([{ variantId: product.variantId, quantity: 2 }])
      const placed = await expectStatus(completeOurs(two), 200)
      expect(placed.data.type).toBe("order")
      const reservations = await container
        .resolve(Modules.INVENTORY)
        .listReservationItems({ inventory_item_id: product.inventoryItemId })
      expect(reservations.map((r: { quantity: unknown }) => Number(r.quantity))).toEqual([2])
      expect([fx.stockLocationId, second.id]).toContain(reservations[0].location_id)
    })
  },
})
