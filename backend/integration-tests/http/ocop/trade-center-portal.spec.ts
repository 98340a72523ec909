/**
 * Issue 13, trade-centre part: the queue offers the decisions the API enforces (one table), racing
 * decisions have one effect, featured lists are the curator's province's only (another centre's is
 * 404 and stays as it was), malformed input is a 400 naming the field, and the CSV reads as a
 * Vietnamese report (headers, names, dd/mm/yyyy, statuses) that a spreadsheet cannot run as formulas.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { certificationBody, expectStatus, useMarketplace } from "../../fixtures/marketplace"
import { actors, attempt, type Auth, histogram } from "../security/actors"

type Row = { id: string; action?: string }
const ids = (rows: Row[]) => rows.map((r) => r.id)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const who = actors(api, getContainer, () => fx)

    async function submitted(producer: { auth: Auth; province_code?: string }, title: string) {
      const { data } = await api.post("/vendor/products", { title, price: 120000 }, producer.auth)
      const cert = await api.post(
        "/vendor/certifications",
        certificationBody(data.product.id, { province_code: producer.province_code }),
        producer.auth
      )
      return { productId: data.product.id as string, certificationId: cert.data.certification.id as string }
    }

    const idsAt = async (path: string, auth: Auth, key: string) => ids((await api.get(path, auth)).data[key] as Row[])
    const cardOf = async (auth: Auth, id: string) =>
      (await api.get("/trade-center/certifications?limit=100", auth)).data.certifications.find((c: Row) => c.id === id)

    it("offers on each certification exactly what the API accepts, and links product and producer", async () => {
      const producer = await who.producerAccount("HTX Trà Cầu Đất")
      const curator = await who.curatorAccount("68")
      const { certificationId, productId } = await submitted(producer, "Trà ô long Cầu Đất")

      const pending = await cardOf(curator.auth, certificationId)
      expect(pending.allowed_actions).toEqual(["approve", "reject"])
      expect(pending.product).toMatchObject({ id: productId, title: "Trà ô long Cầu Đất" })
      expect(pending.producer.name).toBe("HTX Trà Cầu Đất")
      expect(Array.isArray(pending.documents)).toBe(true)

      // What is not offered is refused, and nothing changes.
      const refused = await expectStatus(
        api.post(`/trade-center/certifications/${certificationId}/reinstate`, {}, curator.auth),
        409
      )
      expect(refused.status).toBe(409)
      expect((await cardOf(curator.auth, certificationId)).status).toBe("submitted")
      // A reason is required where the API requires it.
      await expectStatus(api.post(`/trade-center/certifications/${certificationId}/reject`, {}, curator.auth), 400)

      await api.post(`/trade-center/certifications/${certificationId}/approve`, {}, curator.auth)
      expect((await cardOf(curator.auth, certificationId)).allowed_actions).toEqual(["suspend", "revoke"])
      await api.post(
        `/trade-center/certifications/${certificationId}/suspend`,
        { reason: "Kiểm tra lại nhãn mác" },
        curator.auth
      )
      const suspended = await cardOf(curator.auth, certificationId)
      expect(suspended.allowed_actions).toEqual(["reinstate", "revoke"])
      expect(suspended.reason).toBe("Kiểm tra lại nhãn mác")

      // The curator's product view: its own province's product, also when not on sale; another's is 404.
      const product = await api.get(`/trade-center/products/${productId}`, curator.auth)
      expect(product.data.product).toMatchObject({ id: productId, listed: false })
      const haNoi = await who.curatorAccount("01")
      await expectStatus(api.get(`/trade-center/products/${productId}`, haNoi.auth), 404)
    })

    it("records one of five identical decisions sent at once; the other four are 409", async () => {
      const producer = await who.producerAccount("HTX Mắc ca Lâm Hà")
      const curator = await who.curatorAccount("68")
      const { certificationId } = await submitted(producer, "Hạt mắc ca Lâm Hà")
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, () =>
          attempt(api.post(`/trade-center/certifications/${certificationId}/approve`, {}, curator.auth))
        )
      )
      expect(histogram(outcomes)).toEqual({ 200: 1, 409: 4 })
      const events = (await api.get(`/admin/ocop/audit-events?entity_id=${certificationId}`, fx.adminHeaders)).data
      const approvals = (events.audit_events ?? events.events ?? []).filter((e: Row) => e.action === "approve")
      expect(approvals).toHaveLength(1)
    })

    it("keeps featured lists to the curator's province: another centre's list is 404 and unchanged", async () => {
      const producer = await who.producerAccount("HTX Dâu tây Đà Lạt")
      const own = await who.listedVendorProduct(producer, "Mứt dâu tây Đà Lạt")
      const second = await who.listedVendorProduct(producer, "Dâu tây sấy dẻo Đà Lạt")
      const lamDong = await who.curatorAccount("68")
      const haNoi = await who.curatorAccount("01")

      // Picking: the province's products by name, accents optional.
      const found = await api.get("/trade-center/products?q=mut%20dau", lamDong.auth)
      expect(ids(found.data.products)).toEqual([own.id])
      expect(found.data.products[0].listed).toBe(true)
      expect((await api.get("/trade-center/products?q=mut%20dau", haNoi.auth)).data.products).toEqual([])

      const created = await api.post(
        "/trade-center/featured-lists",
        {
          title_vi: "Hội chợ dâu tây",
          placement: "campaign",
          product_ids: [second.id, own.id],
          starts_at: "2026-01-01",
          ends_at: "2099-01-01",
        },
        lamDong.auth
      )
      const listId = created.data.featured_list.id
      const one = await api.get(`/trade-center/featured-lists/${listId}`, lamDong.auth)
      expect(ids(one.data.featured_list.products)).toEqual([second.id, own.id])

      // The province page's data (store API) shows it, in the curator's order.
      const store = await api.get("/store/ocop/featured-lists?placement=campaign&province=lam-dong", fx.storeHeaders)
      const shown = store.data.featured_lists.find((l: Row) => l.id === listId)
      expect(ids(shown.products)).toEqual([second.id, own.id])

      // Another province's curator: not found for read, update and delete; nothing changed.
      await expectStatus(api.get(`/trade-center/featured-lists/${listId}`, haNoi.auth), 404)
      await expectStatus(
        api.post(
          `/trade-center/featured-lists/${listId}`,
          { title_vi: "Đổi tên", placement: "province", product_ids: [own.id] },
          haNoi.auth
        ),
        404
      )
      await expectStatus(api.delete(`/trade-center/featured-lists/${listId}`, haNoi.auth), 404)
      const after = await api.get(`/trade-center/featured-lists/${listId}`, lamDong.auth)
      expect(after.data.featured_list).toMatchObject({ title_vi: "Hội chợ dâu tây", placement: "campaign" })
      expect(after.data.featured_list.product_ids).toEqual([second.id, own.id])

      // Its owner deletes it: gone from the portal and from the province page.
      await api.delete(`/trade-center/featured-lists/${listId}`, lamDong.auth)
      await expectStatus(api.get(`/trade-center/featured-lists/${listId}`, lamDong.auth), 404)
      const storeAfter = await api.get(
        "/store/ocop/featured-lists?placement=campaign&province=lam-dong",
        fx.storeHeaders
      )
      expect(ids(storeAfter.data.featured_lists)).not.toContain(listId)
    })

    it("answers malformed input with a 400 naming the field", async () => {
      const curator = await who.curatorAccount("68")
      const cases: Array<[string, Record<string, unknown>]> = [
        ["placement", { title_vi: "Danh sách", placement: "everywhere", product_ids: ["p"] }],
        ["product_ids", { title_vi: "Danh sách", placement: "province", product_ids: [] }],
        ["title_vi", { title_vi: "", placement: "province", product_ids: ["p"] }],
        [
          "ends_at",
          {
            title_vi: "Danh sách",
            placement: "campaign",
            product_ids: ["p"],
            starts_at: "2027-02-01",
            ends_at: "2027-01-01",
          },
        ],
        ["starts_at", { title_vi: "Danh sách", placement: "campaign", product_ids: ["p"], starts_at: "tháng sau" }],
      ]
      for (const [field, body] of cases) {
        const res = await expectStatus(api.post("/trade-center/featured-lists", body, curator.auth), 400)
        expect(Object.keys(res.data.errors ?? {}), JSON.stringify(res.data)).toContain(field)
      }
      const limit = await expectStatus(api.get("/trade-center/products?limit=many", curator.auth), 400)
      expect(Object.keys(limit.data.errors)).toContain("limit")
      const status = await expectStatus(api.get("/trade-center/certifications?status=maybe", curator.auth), 400)
      expect(Object.keys(status.data.errors)).toContain("status")
      expect((await api.get("/trade-center/featured-lists", curator.auth)).data.featured_lists).toEqual([])
    })

    it("exports a Vietnamese CSV: BOM, headers, names, statuses, dd/mm/yyyy dates, formulas as text", async () => {
      const producer = await who.producerAccount("HTX Cà phê Xuân Trường")
      const curator = await who.curatorAccount("68")
      const { certificationId } = await submitted(producer, '=HYPERLINK("http://x") Cà phê')
      await api.post(`/trade-center/certifications/${certificationId}/approve`, {}, curator.auth)
      const figures = (await api.get("/trade-center/stats", curator.auth)).data
      expect(figures).toMatchObject({ approved: expect.any(Number), pending: expect.any(Number) })
      expect(figures.by_status.approved).toBeGreaterThanOrEqual(1)
      expect(figures.by_month).toHaveLength(12)

      const res = await api.get("/trade-center/certifications/export", { ...curator.auth, responseType: "arraybuffer" })
      expect(res.headers["content-type"]).toMatch(/text\/csv; charset=utf-8/)
      const bytes = Buffer.from(res.data)
      // The UTF-8 byte order mark Excel needs to read the diacritics.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const [header, ...rows] = bytes.subarray(3).toString("utf8").trim().split("\r\n")
      expect(header.split(",")).toEqual([
        "Số giấy chứng nhận",
        "Sản phẩm",
        "Chủ thể",
        "Tỉnh/thành",
        "Hạng sao",
        "Điểm",
        "Nhóm sản phẩm",
        "Cơ quan công nhận",
        "Số quyết định",
        "Ngày quyết định",
        "Hiệu lực từ",
        "Hết hạn",
        "Trạng thái",
        "Lý do",
      ])
      const row = rows.find((r) => r.includes("HTX Cà phê Xuân Trường"))!
      expect(row).toContain(`"'=HYPERLINK(""http://x"") Cà phê"`)
      expect(row).toContain(",Lâm Đồng,")
      expect(row).toContain("Còn hiệu lực")
      expect(row).toContain("19/06/2025")
      expect(row).not.toMatch(/,approved,|,68,/)
    })

    it("lets a curator invite and remove a second curator; the removed login and its token stop working", async () => {
      const first = await who.curatorAccount("68")
      const email = `dongnghiep-${Date.now().toString(36)}@ocop.test`
      const weak = await expectStatus(api.post("/trade-center/curators", { email, password: "123" }, first.auth), 400)
      expect(Object.keys(weak.data.errors ?? {})).toContain("password")
      const invited = await api.post("/trade-center/curators", { email, password: "DongNghiep#2026" }, first.auth)
      expect(invited.status).toBe(201)
      const login = await api.post("/auth/curator/emailpass", { email, password: "DongNghiep#2026" })
      const second: Auth = { headers: { authorization: `Bearer ${login.data.token}` } }
      expect((await api.get("/trade-center/me", second)).data.trade_center.id).toBe(first.tradeCenterId)

      const team = (await api.get("/trade-center/curators", first.auth)).data.curators as Array<{
        id: string
        email: string
        is_you: boolean
      }>
      expect(team.map((c) => c.email)).toContain(email)
      const colleague = team.find((c) => c.email === email)!
      const me = team.find((c) => c.is_you)!

      // Another centre cannot see or remove it; nobody removes their own login.
      const other = await who.curatorAccount("01")
      expect(
        ((await api.get("/trade-center/curators", other.auth)).data.curators as Row[]).map((c) => c.id)
      ).not.toContain(colleague.id)
      await expectStatus(api.delete(`/trade-center/curators/${colleague.id}`, other.auth), 404)
      expect((await api.get("/trade-center/me", second)).status).toBe(200)
      await expectStatus(api.delete(`/trade-center/curators/${me.id}`, first.auth), 400)

      await api.delete(`/trade-center/curators/${colleague.id}`, first.auth)
      await expectStatus(api.get("/trade-center/me", second), 401)
      expect(await idsAt("/trade-center/curators", first.auth, "curators")).toEqual([me.id])
    })
  },
})
