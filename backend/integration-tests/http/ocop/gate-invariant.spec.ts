/**
 * The listing gate as an invariant of the data (docs/decisions/005-gate-as-data-invariant.md).
 * Every way we found to put a product into the marketplace channel, or to show one to shoppers,
 * is tried here; after each, the product is neither listed, nor readable, nor addable to a cart,
 * under every publishable key: the storefront's, a new one, and Medusa's own default key.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  batchProductsWorkflow,
  createProductsWorkflow,
  linkProductsToSalesChannelWorkflow,
  updateProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  createInMarketplaceChannel,
  createPlainProduct,
  singlePack,
  operatorActions,
  useMarketplace,
  unique,
} from "../../fixtures/marketplace"

type Answer = { status: number; data: any }
/** The HTTP answer, whether 2xx or not. */
async function answer(promise: Promise<any>): Promise<Answer> {
  try {
    const res = await promise
    return { status: res.status, data: res.data }
  } catch (error: any) {
    if (!error.response) throw error
    return { status: error.response.status, data: error.response.data }
  }
}
/** The error a server-side call throws (it must throw). */
async function thrown(what: string, fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn()
  } catch (error: any) {
    return error
  }
  throw new Error(`expected ${what} to be refused, but it succeeded`)
}

const GATE_EN = /cannot be listed in the OCOP marketplace: /
const BAD_KEY_VI = "Khoá công khai này không dùng được cho Chợ OCOP: khoá phải gắn với đúng một kênh bán là Chợ OCOP."
const BAD_KEY_EN =
  "This publishable key cannot be used on the OCOP marketplace: it must be bound to exactly one sales channel, the OCOP marketplace."
const BAD_KEY = {
  type: "not_allowed",
  code: "not_allowed",
  message: `${BAD_KEY_VI} (EN: ${BAD_KEY_EN})`,
  message_vi: BAD_KEY_VI,
  message_en: BAD_KEY_EN,
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const operator = operatorActions(api, getContainer, fx)
    const container = () => getContainer()
    const pg = () => container().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const keyHeaders = (token: string) => ({ headers: { "x-publishable-api-key": token } })

    /** A product that passes the gate, listed by the OCOP workflows. */
    async function listedProduct(title: string) {
      const { id: producerId } = await operator.producer({ name: `HTX Kiểm Tra ${unique("")}` })
      const { product, certification } = await operator.certifiedProduct({ title, producerId })
      return { product, producerId, certificationId: certification.id }
    }

    async function inMarketplace(productId: string): Promise<boolean> {
      const { rows } = await pg().raw(
        `select 1 from product_sales_channel where product_id = ? and sales_channel_id = ? and deleted_at is null`,
        [productId, fx.marketplaceChannelId]
      )
      return rows.length > 0
    }

    /** Where a shopper holding this key can see or buy the product (empty = nowhere). */
    async function shopperSees(
      product: { id: string; handle: string; title: string; variants: any[] },
      headers = fx.storeHeaders
    ) {
      const seen: string[] = []
      const list = await answer(api.get(`/store/products?id=${product.id}&fields=id`, headers))
      if (list.status !== 200 || list.data.products.length) seen.push(`list ${list.status}`)
      const byHandle = await answer(api.get(`/store/products?handle=${product.handle}&fields=id`, headers))
      if (byHandle.status !== 200 || byHandle.data.products.length) seen.push(`list by handle ${byHandle.status}`)
      const detail = await answer(api.get(`/store/products/${product.id}?region_id=${fx.regionId}`, headers))
      if (detail.status !== 404) seen.push(`detail ${detail.status}`)
      const handle = await answer(api.get(`/store/ocop/handles/${product.handle}`, headers))
      if (handle.status !== 404) seen.push(`ocop handle ${handle.status}`)
      const cert = await answer(api.get(`/store/ocop/products/${product.id}/certification`, headers))
      if (cert.status !== 404) seen.push(`certification ${cert.status}`)
      const listings = await answer(api.get(`/store/ocop/listings?product_id=${product.id}`, headers))
      if (listings.status !== 200 || listings.data.listings.length) seen.push(`ocop listings ${listings.status}`)
      const search = await answer(
        api.get(`/store/ocop/search?q=${encodeURIComponent(product.title)}&limit=100`, headers)
      )
      if (search.status !== 200 || search.data.hits.some((h: any) => h.id === product.id))
        seen.push(`search ${search.status}`)
      const cart = await answer(api.post("/store/carts", { region_id: fx.regionId }, headers))
      if (cart.status === 200) {
        const line = await answer(
          api.post(
            `/store/carts/${cart.data.cart.id}/line-items`,
            { variant_id: product.variants[0].id, quantity: 1 },
            headers
          )
        )
        if (line.status !== 400 || !/không còn được bán trên Chợ OCOP/.test(line.data.message))
          seen.push(`cart ${line.status}`)
      } else if (cart.status !== 400) {
        seen.push(`cart creation ${cart.status}`)
      }
      return seen
    }

    /** A key refused on every store route says exactly why. */
    async function expectKeyRefused(token: string, product: { id: string }) {
      for (const request of [
        () => api.get(`/store/products?fields=id`, keyHeaders(token)),
        () => api.get(`/store/products/${product.id}`, keyHeaders(token)),
        () => api.get(`/store/ocop/search?q=a`, keyHeaders(token)),
        () => api.get(`/store/ocop/listings?product_id=${product.id}`, keyHeaders(token)),
        () => api.post("/store/carts", { region_id: fx.regionId }, keyHeaders(token)),
      ]) {
        const res = await answer(request())
        expect(res.status).toBe(400)
        expect(res.data).toEqual(BAD_KEY)
      }
    }

    it("refuses every way of putting an uncertified product into the marketplace channel, and shoppers never see it", async () => {
      const control = await listedProduct("Trà Shan tuyết Hà Giang")
      const product = await createPlainProduct(container(), fx, "Tương ớt chưa chứng nhận")
      // The helpers can see a listed product, so "sees nothing" below is not vacuous.
      const controlSeen = await answer(
        api.get(`/store/products/${control.product.id}?region_id=${fx.regionId}`, fx.storeHeaders)
      )
      expect(controlSeen.status).toBe(200)
      expect(await shopperSees(product)).toEqual([])

      // 1–4. Medusa's Admin API: the route guards answer first, with the reason.
      const create = await answer(createInMarketplaceChannel(api, fx, "Sản phẩm mới gắn thẳng vào chợ"))
      expect(create.status).toBe(400)
      expect(create.data.message).toMatch(
        /^"Sản phẩm mới gắn thẳng vào chợ" cannot be put into the OCOP marketplace sales channel: a new product has no approved OCOP certification yet/
      )
      const update = await answer(
        api.post(
          `/admin/products/${product.id}`,
          { sales_channels: [{ id: fx.marketplaceChannelId }] },
          fx.adminHeaders
        )
      )
      expect(update.status).toBe(400)
      expect(update.data.message).toBe(
        `Product ${product.id} cannot be listed in the OCOP marketplace: the product has no OCOP producer; it has no approved 3–5★ OCOP certification.`
      )
      const channelBatch = await answer(
        api.post(`/admin/sales-channels/${fx.marketplaceChannelId}/products`, { add: [product.id] }, fx.adminHeaders)
      )
      expect(channelBatch.status).toBe(400)
      expect(channelBatch.data.message).toBe(update.data.message)
      const productBatch = await answer(
        api.post(
          "/admin/products/batch",
          { update: [{ id: product.id, sales_channels: [{ id: fx.marketplaceChannelId }] }] },
          fx.adminHeaders
        )
      )
      expect(productBatch.status).toBe(400)
      expect(productBatch.data.message).toBe(update.data.message)

      // 5–9. Core workflows run in-process or by id (what imports, scripts and custom routes do).
      const refusedSentence = `"Tương ớt chưa chứng nhận" (${product.id}) cannot be listed in the OCOP marketplace: the product has no OCOP producer; it has no approved 3–5★ OCOP certification.`
      const viaLink = await thrown("linkProductsToSalesChannelWorkflow", () =>
        linkProductsToSalesChannelWorkflow(container()).run({
          input: { id: fx.marketplaceChannelId, add: [product.id] },
        })
      )
      expect(viaLink.message).toContain(refusedSentence)
      expect(viaLink.message).toContain(
        `"Tương ớt chưa chứng nhận" (${product.id}) không thể có mặt trên Chợ OCOP: sản phẩm chưa gắn với chủ thể OCOP; sản phẩm chưa có chứng nhận OCOP 3–5 sao được duyệt.`
      )
      const viaUpdate = await thrown("updateProductsWorkflow", () =>
        updateProductsWorkflow(container()).run({
          input: { selector: { id: product.id }, update: { sales_channels: [{ id: fx.marketplaceChannelId }] } } as any,
        })
      )
      expect(viaUpdate.message).toContain(refusedSentence)
      // The import route (POST /admin/products/import + confirm) runs this workflow in the background.
      const viaImport = await thrown("batchProductsWorkflow", () =>
        batchProductsWorkflow(container()).run({
          input: {
            create: [],
            update: [{ id: product.id, sales_channels: [{ id: fx.marketplaceChannelId }] }],
            delete: [],
          } as any,
        })
      )
      expect(viaImport.message).toContain(refusedSentence)
      const handleOfNew = unique("moi")
      const viaCreate = await thrown("createProductsWorkflow", () =>
        createProductsWorkflow(container()).run({
          input: {
            products: [
              {
                title: "Mứt gừng tạo thẳng",
                handle: handleOfNew,
                status: ProductStatus.PUBLISHED,
                sales_channels: [{ id: fx.marketplaceChannelId }],
                ...singlePack("Mặc định", 50000),
              },
            ],
          },
        })
      )
      expect(viaCreate.message).toMatch(
        /"Mứt gừng tạo thẳng" \(prod_\w+\) cannot be listed in the OCOP marketplace: the product has no OCOP producer; it has no approved 3–5★ OCOP certification\./
      )
      const [leftover] = await container().resolve(Modules.PRODUCT).listProducts({ handle: handleOfNew })
      expect(leftover).toBeUndefined() // the workflow rolled back: nothing half-made
      const engine = container().resolve(Modules.WORKFLOW_ENGINE) as any
      const byId = await thrown("workflow engine by id", () =>
        engine.run("link-products-to-sales-channel", {
          input: { id: fx.marketplaceChannelId, add: [product.id] },
          throwOnError: true,
        })
      )
      expect(byId.message).toContain(refusedSentence)
      expect(await inMarketplace(product.id)).toBe(false)

      // 10. Medusa's link service directly.
      const link = container().resolve(ContainerRegistrationKeys.LINK)
      const viaRemoteLink = await thrown("link.create", () =>
        link.create({
          [Modules.PRODUCT]: { product_id: product.id },
          [Modules.SALES_CHANNEL]: { sales_channel_id: fx.marketplaceChannelId },
        })
      )
      expect(viaRemoteLink.message).toContain(refusedSentence)

      // 11–13. Raw SQL: insert, move a row from another channel, restore a soft-deleted row.
      const rawInsert: any = await thrown("raw insert", () =>
        pg().raw(`insert into product_sales_channel (id, product_id, sales_channel_id) values ('prodsc_raw', ?, ?)`, [
          product.id,
          fx.marketplaceChannelId,
        ])
      )
      expect(rawInsert.code).toBe("23514")
      expect(rawInsert.constraint).toBe("ocop_listing_gate")
      expect(rawInsert.message).toContain(refusedSentence)
      await pg().raw(
        `insert into product_sales_channel (id, product_id, sales_channel_id) values ('prodsc_other', ?, ?)`,
        [product.id, fx.defaultChannelId]
      )
      const moved: any = await thrown("raw channel move", () =>
        pg().raw(`update product_sales_channel set sales_channel_id = ? where id = 'prodsc_other'`, [
          fx.marketplaceChannelId,
        ])
      )
      expect(moved.message).toContain(refusedSentence)
      // A product that was listed, then revoked: its membership is soft-deleted; restoring it is refused.
      const revoked = await listedProduct("Mắm cáy bị thu hồi")
      await operator.revokeCertification(revoked.certificationId, "Vi phạm ghi nhãn")
      expect(await inMarketplace(revoked.product.id)).toBe(false)
      const restored: any = await thrown("raw restore", () =>
        pg().raw(`update product_sales_channel set deleted_at = null where product_id = ? and sales_channel_id = ?`, [
          revoked.product.id,
          fx.marketplaceChannelId,
        ])
      )
      expect(restored.message).toContain(
        `"Mắm cáy bị thu hồi" (${revoked.product.id}) cannot be listed in the OCOP marketplace: it has no approved 3–5★ OCOP certification.`
      )
      // Medusa's cascade restore of a product's links either refuses or leaves this one deleted.
      const viaRestore = await link.restore({ [Modules.PRODUCT]: { product_id: [revoked.product.id] } } as any).then(
        () => undefined,
        (e: Error) => e
      )
      if (viaRestore) expect(viaRestore.message).toMatch(GATE_EN)
      expect(await inMarketplace(revoked.product.id)).toBe(false)

      // 14. The OCOP read model behind /store/ocop/*: a listing row cannot claim "listed" either.
      const rowClaim: any = await thrown("raw listing row insert", () =>
        pg().raw(
          `insert into ocop_product_listing (id, product_id, listed, evaluated_at) values ('olst_raw', ?, true, now())`,
          [product.id]
        )
      )
      expect(rowClaim.constraint).toBe("ocop_listing_gate")
      const revokedRow: any = await thrown("raw listing row update", () =>
        pg().raw(`update ocop_product_listing set listed = true where product_id = ?`, [revoked.product.id])
      )
      expect(revokedRow.message).toMatch(GATE_EN)

      expect(await inMarketplace(product.id)).toBe(false)
      for (const p of [product, revoked.product]) expect(await shopperSees(p)).toEqual([])
      expect(await shopperSees(control.product)).toEqual([
        "list 200",
        "list by handle 200",
        "detail 200",
        "ocop handle 200",
        "certification 200",
        "ocop listings 200",
        // (search follows events asynchronously; the control's presence there is not needed here)
        ...((
          await answer(
            api.get(`/store/ocop/search?q=${encodeURIComponent(control.product.title)}&limit=100`, fx.storeHeaders)
          )
        ).data.hits.some((h: any) => h.id === control.product.id)
          ? ["search 200"]
          : []),
        "cart 200",
      ])
    })

    it("lets shoppers reach only the marketplace channel, whatever publishable key or cart channel they use", async () => {
      const product = await createPlainProduct(container(), fx, "Bánh tráng chưa chứng nhận")
      const listed = await listedProduct("Bánh tráng Trảng Bàng")

      // Medusa's own "Default Publishable API Key" (made at first boot, bound to the default channel).
      const { rows: defaults } = await pg().raw(
        `select token from api_key where type = 'publishable' and title = 'Default Publishable API Key' and deleted_at is null`
      )
      expect(defaults).toHaveLength(1)
      await expectKeyRefused(defaults[0].token, product)

      // A new key: no channel at first (Medusa would put its carts in the default channel).
      const created = await api.post(
        "/admin/api-keys",
        { title: "Khoá mới của đối tác", type: "publishable" },
        fx.adminHeaders
      )
      const key = created.data.api_key
      await expectKeyRefused(key.token, product)
      // Binding it to any channel but the marketplace is refused in the database, with a 400 that says why.
      const toDefault = await answer(
        api.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [fx.defaultChannelId] }, fx.adminHeaders)
      )
      expect(toDefault.status).toBe(400)
      const vi = `Khoá công khai (publishable key) chỉ được gắn với kênh bán Chợ OCOP, không với kênh ${fx.defaultChannelId}.`
      const en =
        "A publishable key can only be bound to the OCOP marketplace sales channel, " +
        `not to channel ${fx.defaultChannelId}: shoppers may only see listed products.`
      expect(toDefault.data).toEqual({
        type: "invalid_data",
        code: "ocop_listing_gate",
        message: `${vi} (EN: ${en})`,
        message_vi: vi,
        message_en: en,
      })
      // A new sales channel holding the uncertified product cannot be reached by any key either.
      const channel = await api.post("/admin/sales-channels", { name: "Kênh bán buôn" }, fx.adminHeaders)
      const channelId = channel.data.sales_channel.id
      await api.post(`/admin/sales-channels/${channelId}/products`, { add: [product.id] }, fx.adminHeaders)
      const toNew = await answer(
        api.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [channelId] }, fx.adminHeaders)
      )
      expect(toNew.status).toBe(400)
      expect(toNew.data.message).toContain(`không với kênh ${channelId}`)
      await expectKeyRefused(key.token, product)
      // Bound to the marketplace, the new key works — and shows only what the gate lists.
      const toMarket = await answer(
        api.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [fx.marketplaceChannelId] }, fx.adminHeaders)
      )
      expect(toMarket.status).toBe(200)
      expect(await shopperSees(product, keyHeaders(key.token))).toEqual([])
      const listedDetail = await answer(
        api.get(`/store/products/${listed.product.id}?region_id=${fx.regionId}`, keyHeaders(key.token))
      )
      expect(listedDetail.status).toBe(200)

      // Carts: a body naming another channel is refused (Medusa 2.21.2 would accept it).
      const cartElsewhere = await answer(
        api.post("/store/carts", { region_id: fx.regionId, sales_channel_id: fx.defaultChannelId }, fx.storeHeaders)
      )
      expect(cartElsewhere.status).toBe(400)
      expect(cartElsewhere.data.errors).toEqual({
        sales_channel_id: "sales_channel_id must be the OCOP marketplace channel of the publishable key.",
      })
      const cart = await api.post("/store/carts", { region_id: fx.regionId }, fx.storeHeaders)
      expect(cart.data.cart.sales_channel_id).toBe(fx.marketplaceChannelId)
      const moveCart = await answer(
        api.post(`/store/carts/${cart.data.cart.id}`, { sales_channel_id: channelId }, fx.storeHeaders)
      )
      expect(moveCart.status).toBe(400)
      expect(moveCart.data.type).toBe("invalid_data")
      const line = await answer(
        api.post(
          `/store/carts/${cart.data.cart.id}/line-items`,
          { variant_id: product.variants[0].id, quantity: 1 },
          fx.storeHeaders
        )
      )
      expect(line.status).toBe(400)
      expect(line.data.message).toBe(
        `"Bánh tráng chưa chứng nhận" (sản phẩm chưa gắn với chủ thể OCOP; sản phẩm chưa có chứng nhận OCOP 3–5 sao được duyệt) không còn được bán trên Chợ OCOP; vui lòng bỏ sản phẩm này khỏi giỏ hàng để tiếp tục. (EN: "Bánh tráng chưa chứng nhận" (the product has no OCOP producer; it has no approved 3–5★ OCOP certification) can no longer be sold on the OCOP marketplace. Remove this item from the cart to continue.)`
      )

      // Turning that wholesale channel into a second "marketplace" keeps only listable products in it.
      await api.post(`/admin/sales-channels/${channelId}`, { metadata: { ocop_role: "marketplace" } }, fx.adminHeaders)
      const { rows } = await pg().raw(
        `select deleted_at from product_sales_channel where product_id = ? and sales_channel_id = ?`,
        [product.id, channelId]
      )
      expect(rows[0].deleted_at).not.toBeNull()
    })

    it("removes a product the moment something outside the OCOP workflows makes it fail the gate, and the clock job finishes the listing", async () => {
      const byService = await listedProduct("Cà phê Robusta Đắk Lắk")
      const bySqlProducer = await listedProduct("Hạt điều Bình Phước")
      const bySqlProduct = await listedProduct("Bưởi Năm Roi")
      const byUnlink = await listedProduct("Sâm Ngọc Linh")
      const byExpiry = await listedProduct("Nước mắm Cửa Khe")
      const all = [byService, bySqlProducer, bySqlProduct, byUnlink, byExpiry]
      for (const p of all) expect(await inMarketplace(p.product.id)).toBe(true)

      const ocop: any = container().resolve("ocop")
      await ocop.updateCertifications({ id: byService.certificationId, status: "revoked" }) // bypasses the workflows
      await pg().raw(`update ocop_producer set status = 'suspended' where id = ?`, [bySqlProducer.producerId])
      await pg().raw(`update product set status = 'draft' where id = ?`, [bySqlProduct.product.id])
      await pg().raw(`delete from product_product_ocop_producer where product_id = ?`, [byUnlink.product.id])
      await pg().raw(
        `update ocop_certification set valid_from = now() - interval '3 years', expires_at = now() - interval '1 minute' where id = ?`,
        [byExpiry.certificationId]
      )

      for (const p of all) {
        expect(await inMarketplace(p.product.id)).toBe(false)
        const detail = await answer(api.get(`/store/products/${p.product.id}`, fx.storeHeaders))
        expect(detail.status).toBe(404)
        const cart = await api.post("/store/carts", { region_id: fx.regionId }, fx.storeHeaders)
        const line = await answer(
          api.post(
            `/store/carts/${cart.data.cart.id}/line-items`,
            { variant_id: p.product.variants[0].id, quantity: 1 },
            fx.storeHeaders
          )
        )
        expect(line.status).toBe(400)
      }

      // The 5-minute clock job brings the listing rows, audit trail and search up to date.
      const { runListingClock } = require("@ocop-marketplace/ocop/jobs/expire-certifications")
      await runListingClock(container())
      for (const p of all) {
        expect(await shopperSees(p.product)).toEqual([])
        const admin = (await api.get(`/admin/ocop/products/${p.product.id}`, fx.adminHeaders)).data
        expect(admin.listing.listed).toBe(false)
        expect(admin.audit_events.some((e: any) => e.action === "delisted")).toBe(true)
      }

      // Both copies of the rule agree on every product in the database.
      const { evaluateListings } = require("@ocop-marketplace/ocop/lib/listing-evaluation")
      const { sqlGateReasons } = require("@ocop-marketplace/ocop/lib/listing-gate-database")
      const ids = (
        await container()
          .resolve(Modules.PRODUCT)
          .listProducts({}, { select: ["id"] })
      ).map((p: any) => p.id)
      const now = new Date()
      const [ts, sql] = await Promise.all([evaluateListings(container(), ids, now), sqlGateReasons(pg(), ids, now)])
      for (const e of ts) expect([e.product_id, sql.get(e.product_id)]).toEqual([e.product_id, e.reasons])
    })

    it("reports anything the hourly reconciliation had to repair as an error line naming the product and why", async () => {
      const drifted = await listedProduct("Chả mực Hạ Long")
      // Drift the database allows (it only ever refuses listing): a listable product taken out by hand.
      await pg().raw(`update product_sales_channel set deleted_at = now() where product_id = ?`, [drifted.product.id])
      await pg().raw(`update ocop_product_listing set listed = false where product_id = ?`, [drifted.product.id])
      const logger = container().resolve(ContainerRegistrationKeys.LOGGER)
      const errors: string[] = []
      const original = logger.error
      logger.error = (message: any, ...rest: any[]) => {
        errors.push(String(message))
        return original.call(logger, message, ...rest)
      }
      try {
        const { data } = await api.post("/admin/ocop/listings/refresh", {}, fx.adminHeaders)
        expect(data.repaired).toBe(1)
        expect(data.sql_disagreements).toEqual([])
        expect(data.repairs[0].message).toBe(
          `"Chả mực Hạ Long" (${drifted.product.id}) passes the listing gate but was not shown in the marketplace; it was listed.`
        )
      } finally {
        logger.error = original
      }
      expect(errors).toContain(
        `OCOP reconciliation repaired "Chả mực Hạ Long" (${drifted.product.id}) passes the listing gate but was not shown in the marketplace; it was listed.`
      )
      expect(await inMarketplace(drifted.product.id)).toBe(true)
      const again = await api.post("/admin/ocop/listings/refresh", {}, fx.adminHeaders)
      expect(again.data.repaired).toBe(0)
    })
  },
})
