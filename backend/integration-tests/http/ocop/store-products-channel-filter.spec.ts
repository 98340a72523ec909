/**
 * GET /store/products with the key's channel as an EXISTS and an exact, cached count
 * (docs/decisions/016-store-products-channel-filter.md): the same products and the same count as
 * Medusa's own `id IN (…)` path, on every page and filter the storefront uses, and a revoked
 * product gone on the very next request.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { channelProductPage } from "../../../../plugins/ocop/src/lib/channel-product-page"
import type { Sql } from "../../../../plugins/ocop/src/lib/listing-gate-database"
import {
  certificationBody,
  createPlainProduct,
  expectStatus,
  operatorActions,
  publishedProduct,
  useMarketplace,
  unique,
} from "../../fixtures/marketplace"

// A filter our SQL page does not cover and every product passes: the request takes Medusa's own
// link filter (`id IN (…)`) and route handler — the reference the fast path must equal.
const MEDUSA_PATH = "created_at[$gte]=2000-01-01T00:00:00.000Z"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const operator = operatorActions(api, getContainer, fx)
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql

    async function listedProduct(title: string) {
      const producer = await operator.producer({ name: `HTX ${unique("")}` })
      const { product, certification } = await operator.certifiedProduct({
        title,
        producerId: producer.id,
      })
      return { product, certificationId: certification.id }
    }

    /** Every page of a list, in order, and the count each page reported. */
    async function allPages(extra: string, limit = 3) {
      const ids: string[] = []
      const counts = new Set<number>()
      for (let offset = 0; offset < 1000; offset += limit) {
        const { data } = await expectStatus(
          api.get(`/store/products?limit=${limit}&offset=${offset}&fields=id${extra}`, fx.storeHeaders),
          200
        )
        counts.add(data.count)
        ids.push(...data.products.map((p: { id: string }) => p.id))
        if (data.products.length < limit) break
      }
      return { ids, counts: [...counts] }
    }

    async function marketplaceMembers(): Promise<string[]> {
      const { rows } = await pg().raw(
        `select psc.product_id from product_sales_channel psc join product p on p.id = psc.product_id
          where psc.sales_channel_id = ? and psc.deleted_at is null
            and p.deleted_at is null and p.status = 'published'`,
        [fx.marketplaceChannelId]
      )
      return rows.map((r: { product_id: string }) => r.product_id).sort()
    }

    it("lists exactly the listed products with the exact count, page after page, as Medusa's path does", async () => {
      const listed = [
        await listedProduct("Trà Shan tuyết cổ thụ"),
        await listedProduct("Mật ong hoa nhãn"),
        await listedProduct("Bánh tráng Trảng Bàng"),
        await listedProduct("Nước mắm Nam Ô"),
      ]
      const unlisted = await createPlainProduct(getContainer(), fx, "Tương ớt chưa chứng nhận")
      const members = await marketplaceMembers()
      for (const { product } of listed) expect(members).toContain(product.id)
      expect(members).not.toContain(unlisted.id)

      const fast = await allPages("")
      const newestFirst = await allPages("&order=-created_at")
      const medusa = await allPages(`&${MEDUSA_PATH}`)
      expect([...fast.ids].sort()).toEqual(members)
      expect(new Set(fast.ids).size).toBe(fast.ids.length) // no product on two pages
      expect(fast.counts).toEqual([members.length])
      expect([...newestFirst.ids].sort()).toEqual(members)
      expect(newestFirst.counts).toEqual([members.length])
      expect([...medusa.ids].sort()).toEqual(members)
      expect(medusa.counts).toEqual([members.length])
      // Newest first, as the storefront asks: the last listed product leads.
      expect(newestFirst.ids[0]).toBe(listed[3].product.id)

      // The count came from the cache the first time it was asked for, stamped with the current generation.
      const { rows } = await pg().raw(
        `select c.n from ocop_channel_page_count c join ocop_channel_page_generation g on g.id = 1 and g.gen = c.gen`
      )
      expect(rows.map((r: { n: number }) => r.n)).toEqual([members.length])
    })

    it("answers ?handle= and ?id= like Medusa's path: listed products with prices, unlisted ones not", async () => {
      const { product } = await listedProduct("Cà phê Cầu Đất")
      const unlisted = await createPlainProduct(getContainer(), fx, "Chè chưa chứng nhận")
      const fields = "fields=id,title,handle,*variants.calculated_price,+variants.inventory_quantity"
      for (const filter of [`handle=${product.handle}`, `id=${product.id}`]) {
        const ours = await expectStatus(
          api.get(`/store/products?${filter}&region_id=${fx.regionId}&${fields}`, fx.storeHeaders),
          200
        )
        const medusa = await expectStatus(
          api.get(`/store/products?${filter}&region_id=${fx.regionId}&${fields}&${MEDUSA_PATH}`, fx.storeHeaders),
          200
        )
        expect(ours.data.count).toBe(1)
        expect(ours.data.products).toEqual(medusa.data.products)
        expect(ours.data.products[0].variants[0].calculated_price.calculated_amount).toBe(120000)
      }
      for (const filter of [`handle=${unlisted.handle}`, `id=${unlisted.id}`]) {
        const { data } = await expectStatus(api.get(`/store/products?${filter}&fields=id`, fx.storeHeaders), 200)
        expect(data).toEqual({ products: [], count: 0, offset: 0, limit: 50 })
      }
      // Several ids, one of them unlisted: only the listed one, and a count of one.
      const { data } = await expectStatus(
        api.get(`/store/products?id[]=${product.id}&id[]=${unlisted.id}&fields=id`, fx.storeHeaders),
        200
      )
      expect(data.products.map((p: { id: string }) => p.id)).toEqual([product.id])
      expect(data.count).toBe(1)
    })

    it("hides a revoked product and lowers the count on the very next request", async () => {
      const { product, certificationId } = await listedProduct("Gạo ST25 Sóc Trăng")
      const before = await expectStatus(api.get(`/store/products?limit=1&fields=id`, fx.storeHeaders), 200)
      const byHandle = await expectStatus(
        api.get(`/store/products?handle=${product.handle}&fields=id`, fx.storeHeaders),
        200
      )
      expect(byHandle.data.products).toHaveLength(1)

      await expectStatus(
        api.post(`/admin/ocop/certifications/${certificationId}/revoke`, { reason: "Vi phạm" }, fx.adminHeaders),
        200
      )
      // No waiting: the membership is gone in the revoke's own transaction, and with it the cached count.
      const after = await expectStatus(api.get(`/store/products?limit=1&fields=id`, fx.storeHeaders), 200)
      expect(after.data.count).toBe(before.data.count - 1)
      const gone = await expectStatus(
        api.get(`/store/products?handle=${product.handle}&fields=id`, fx.storeHeaders),
        200
      )
      expect(gone.data).toEqual({ products: [], count: 0, offset: 0, limit: 50 })
      const all = await allPages("", 50)
      expect(all.ids).not.toContain(product.id)
      expect(all.counts).toEqual([(await marketplaceMembers()).length])
    })

    it("computes prices and stock as Medusa's path does, whichever of them the client asks for", async () => {
      // A product with managed stock: 9 at the marketplace's location, 2 of them reserved.
      const { result } = await createProductsWorkflow(getContainer()).run({
        input: {
          products: [
            publishedProduct(fx, {
              title: "Mật ong bạc hà",
              handle: unique("p"),
              price: 95000,
              pack: "Hũ",
              manageInventory: true,
            }),
          ],
        },
      })
      const product = result[0]
      const producer = await operator.producer({ name: `HTX ${unique("")}` })
      await api.post(`/admin/ocop/products/${product.id}/producer`, { producer_id: producer.id }, fx.adminHeaders)
      const cert = await api.post("/admin/ocop/certifications", certificationBody(product.id), fx.adminHeaders)
      await operator.approveCertification(cert.data.certification.id)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["id", "inventory_items.inventory_item_id"],
        filters: { product_id: product.id },
      })
      const inventoryItemId = variants[0].inventory_items?.[0]?.inventory_item_id as string
      expect(inventoryItemId).toBeTruthy()
      const inventory = getContainer().resolve(Modules.INVENTORY)
      await inventory.createInventoryLevels([
        { inventory_item_id: inventoryItemId, location_id: fx.stockLocationId, stocked_quantity: 9 },
      ])
      await inventory.createReservationItems([
        { inventory_item_id: inventoryItemId, location_id: fx.stockLocationId, quantity: 2 },
      ])
      const asked = [
        "id,*variants.calculated_price,+variants.inventory_quantity",
        "id,*variants.calculated_price",
        "id,variants.title,+variants.inventory_quantity",
        "id,title,variants.calculated_price.calculated_amount",
      ]
      for (const fields of asked) {
        const url = `/store/products?handle=${product.handle}&region_id=${fx.regionId}&fields=${fields}`
        const ours = await expectStatus(api.get(url, fx.storeHeaders), 200)
        const medusa = await expectStatus(api.get(`${url}&${MEDUSA_PATH}`, fx.storeHeaders), 200)
        expect(ours.data.products).toHaveLength(1)
        expect(ours.data.products).toEqual(medusa.data.products)
      }
      const { data } = await expectStatus(
        api.get(
          `/store/products?handle=${product.handle}&region_id=${fx.regionId}&fields=${asked[0]}`,
          fx.storeHeaders
        ),
        200
      )
      expect(data.products[0].variants[0].inventory_quantity).toBe(7)
      expect(data.products[0].variants[0].calculated_price.calculated_amount).toBe(95000)
    })

    // Review R10: the fast path no longer reads the page a second time for such a variant.
    it("prices a variant without a price set as Medusa's path does", async () => {
      const { product } = await listedProduct("Chè Shan tuyết không giá")
      // A variant whose price-set link is gone (an import gone wrong, a price set deleted by hand):
      // Medusa's path answers it without a price; the fast path must answer the same, not 500.
      await pg().raw(
        `update product_variant_price_set set deleted_at = now()
          where variant_id in (select id from product_variant where product_id = ?)`,
        [product.id]
      )
      for (const fields of ["id,*variants.calculated_price", "id,title,variants.calculated_price.calculated_amount"]) {
        const url = `/store/products?handle=${product.handle}&region_id=${fx.regionId}&fields=${fields}`
        const ours = await expectStatus(api.get(url, fx.storeHeaders), 200)
        const medusa = await expectStatus(api.get(`${url}&${MEDUSA_PATH}`, fx.storeHeaders), 200)
        expect(ours.data.products).toHaveLength(1)
        expect(ours.data.products[0].variants).toHaveLength(1)
        expect(ours.data.products).toEqual(medusa.data.products)
      }
    })

    it("gives another channel's key nothing of ours, and the SQL page nothing outside its channel", async () => {
      const { product } = await listedProduct("Bưởi Phúc Trạch")
      const salesChannels = getContainer().resolve(Modules.SALES_CHANNEL)
      const other = await salesChannels.createSalesChannels({ name: `Kênh khác ${unique("")}` })
      // The gate refuses to bind a shopper's key to any channel but the marketplace; a key with no
      // channel, and Medusa's default key, are refused by the store guard before any product is read.
      const apiKeys = getContainer().resolve(Modules.API_KEY)
      const key = await apiKeys.createApiKeys({ title: "Đối tác", type: "publishable", created_by: "test" })
      const refused = await expectStatus(
        api.get(`/store/products?fields=id`, { headers: { "x-publishable-api-key": key.token } }),
        400
      )
      expect(JSON.stringify(refused.data)).not.toContain(product.id)

      /** The first 50 products of the other channel only, unfiltered, in this order. */
      const firstPageOfOther = (order: Parameters<typeof channelProductPage>[1]["order"]) =>
        channelProductPage(pg(), { channelIds: [other.id], filters: {}, order, skip: 0, take: 50 })
      const empty = await firstPageOfOther({ column: "id", direction: "ASC" })
      expect(empty).toEqual({ ids: [], count: 0 })
      const own = await createPlainProduct(getContainer(), fx, "Sản phẩm của kênh khác")
      await getContainer()
        .resolve(ContainerRegistrationKeys.LINK)
        .create({ [Modules.PRODUCT]: { product_id: own.id }, [Modules.SALES_CHANNEL]: { sales_channel_id: other.id } })
      const theirs = await firstPageOfOther({ column: "created_at", direction: "DESC" })
      expect(theirs).toEqual({ ids: [own.id], count: 1 })
    })
  },
})
