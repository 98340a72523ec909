import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import sharp from "sharp"
import { certificationBody, expectRefusal, expectStatus, useMarketplace } from "../../fixtures/marketplace"
import { actors } from "../security/actors"

/** A real image of the given size (bytes sniffed and re-encoded by the server). */
const png = (seed: number, side = 32) =>
  sharp({ create: { width: side, height: side, channels: 3, background: { r: seed % 256, g: 80, b: 40 } } })
    .png()
    .toBuffer()

/** A multipart upload the way the portal sends it. `type` is what the client claims, never believed. */
function form(purpose: string | null, bytes: Buffer | null, name = "file.png", type = "image/png") {
  const body = new FormData()
  if (purpose !== null) body.append("purpose", purpose)
  if (bytes) body.append("file", new Blob([new Uint8Array(bytes)], { type }), name)
  return body
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const who = actors(api, getContainer, () => fx)

    it("refuses uploads of a wrong type, an oversize file and an SVG with a 400 naming the field", async () => {
      const a = await who.producerAccount("HTX Ảnh Sai Loại")
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
      const refused = [
        ["an SVG claimed as PNG", form("product_image", svg, "x.png"), "file"],
        ["an SVG as itself", form("logo", svg, "x.svg", "image/svg+xml"), "file"],
        [
          "HTML",
          form("certificate_scan", Buffer.from("<!doctype html><h1>hi</h1>"), "x.pdf", "application/pdf"),
          "file",
        ],
        ["a GIF", form("product_image", Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "binary")), "file"],
        ["a PDF as a product photo", form("product_image", Buffer.from("%PDF-1.4\n%%EOF\n"), "x.pdf"), "file"],
        ["a logo over 2 MB", form("logo", Buffer.concat([await png(1), Buffer.alloc(2.5 * 1024 * 1024)])), "file"],
        ["anything over 10 MB", form("certificate_scan", Buffer.alloc(11 * 1024 * 1024, 0x25)), "file"],
        ["no file", form("logo", null), "file"],
        ["no purpose", form(null, await png(2)), "purpose"],
        ["an unknown purpose", form("avatar", await png(3)), "purpose"],
      ] as const
      for (const [what, body, field] of refused) {
        const res = await expectStatus(api.post("/vendor/uploads", body, a.auth), 400)
        expect(Object.keys(res.data.errors), what).toEqual([field])
        expect(res.data.errors_vi[field], what).toBeTruthy()
      }
      expect((await api.get("/vendor/uploads", a.auth)).data.uploads).toEqual([])
    })

    it("stores a photo once however often it is sent, serves it safely, and keeps it the producer's own", async () => {
      const a = await who.producerAccount("HTX Ảnh Đúng")
      const b = await who.producerAccount("HTX Người Khác")
      const bytes = await png(7, 64)
      const sent = await Promise.all(
        Array.from({ length: 5 }, () => api.post("/vendor/uploads", form("product_image", bytes), a.auth))
      )
      const ids = new Set(sent.map((r: { data: { upload: { id: string } }; status: number }) => r.data.upload.id))
      expect(ids.size).toBe(1)
      expect(sent.filter((r: { data: { upload: { id: string } }; status: number }) => r.status === 201)).toHaveLength(1)
      const upload = sent[0].data.upload
      expect(upload.url).toMatch(/^\/ocop\/files\/[A-Za-z0-9._-]+\.png$/)
      expect((await api.get("/vendor/uploads", a.auth)).data.uploads).toHaveLength(1)

      const served = await api.get(upload.url, { responseType: "arraybuffer" })
      expect(served.headers["content-type"]).toBe("image/png")
      expect(served.headers["x-content-type-options"]).toBe("nosniff")
      expect(served.headers["content-security-policy"]).toContain("sandbox")
      expect((await sharp(Buffer.from(served.data)).metadata()).width).toBe(64)
      await expectStatus(api.get("/ocop/files/not-a-stored-key.png"), 404)
      await expectStatus(api.get("/ocop/files/..%2F..%2Fpackage.json"), 404)

      // Another producer cannot read it, nor put it on its own product or shop.
      await expectRefusal(api.get(`/vendor/uploads/${upload.id}`, b.auth), 404, "was not found")
      expect((await api.get(`/vendor/uploads/${upload.id}`, a.auth)).data.upload.id).toBe(upload.id)
      const stolen = await expectStatus(
        api.post("/vendor/products", { title: "Ảnh mượn", price: 100000, images: [{ upload_id: upload.id }] }, b.auth),
        400
      )
      expect(Object.keys(stolen.data.errors)).toEqual(["images.0.upload_id"])
      const logo = await expectStatus(api.post("/vendor/me", { logo_upload_id: upload.id }, b.auth), 400)
      expect(Object.keys(logo.data.errors)).toEqual(["logo_upload_id"])
      expect((await api.get("/vendor/products", b.auth)).data.products).toEqual([])
    })

    it("keeps a product's photos in order with their alt text, and its details editable later", async () => {
      const a = await who.producerAccount("HTX Cà Phê Cầu Đất")
      const first = (await api.post("/vendor/uploads", form("product_image", await png(11)), a.auth)).data.upload
      const second = (await api.post("/vendor/uploads", form("product_image", await png(12)), a.auth)).data.upload
      const made = await expectStatus(
        api.post(
          "/vendor/products",
          {
            title: "Cà phê Arabica Cầu Đất",
            title_en: "Cau Dat Arabica coffee",
            price: 185000,
            unit: "gói 500g",
            weight: 500,
            group_slug: "thuc-pham",
            images: [
              { upload_id: second.id, alt: "Gói cà phê mặt trước" },
              { upload_id: first.id, alt: "Hạt cà phê rang" },
            ],
          },
          a.auth
        ),
        201
      )
      const id = made.data.product.id
      const read = (await api.get(`/vendor/products/${id}`, a.auth)).data.product
      const images = [...read.images].sort((x: { rank: number }, y: { rank: number }) => x.rank - y.rank)
      expect(images.map((i: { url: string }) => i.url)).toEqual([second.url, first.url])
      expect(images[0].metadata).toEqual({ alt: "Gói cà phê mặt trước" })
      expect(read.thumbnail).toBe(second.url)
      expect(read.weight).toBe(500)
      expect(read.metadata).toMatchObject({
        title_en: "Cau Dat Arabica coffee",
        unit: "gói 500g",
        group_slug: "thuc-pham",
      })
      // No absolute backend URL is stored anywhere.
      expect(JSON.stringify(read)).not.toMatch(/https?:\/\/[^"]*\/ocop\/files\//)

      await api.post(
        `/vendor/products/${id}`,
        { title_en: "Cau Dat Arabica", unit: "gói 250g", images: [{ upload_id: first.id }] },
        a.auth
      )
      const edited = (await api.get(`/vendor/products/${id}`, a.auth)).data.product
      expect(edited.metadata).toMatchObject({ title_en: "Cau Dat Arabica", unit: "gói 250g", group_slug: "thuc-pham" })
      expect(edited.images.map((i: { url: string }) => i.url)).toEqual([first.url])
      const bad = await expectStatus(
        api.post(`/vendor/products/${id}`, { group_slug: "thuc-pham", subgroup_slug: "det-may" }, a.auth),
        400
      )
      expect(Object.keys(bad.data.errors)).toEqual(["subgroup_slug"])
    })

    it("takes a certificate in the producer's own province, from the right authority, with its own scan", async () => {
      const a = await who.producerAccount("HTX Rau Đà Lạt", "68")
      const b = await who.producerAccount("HTX Khác Tỉnh", "68")
      const product = (await api.post("/vendor/products", { title: "Rau Đà Lạt", price: 50000 }, a.auth)).data.product
      const certs = async () => (await api.get("/vendor/certifications", a.auth)).data.certifications

      // Each of these is refused naming its one field (another province, the wrong committee, the
      // ministry for a 4★ product, a date the producer may not set, another producer's scan).
      const scanOfB = (await api.post("/vendor/uploads", form("certificate_scan", await png(21)), b.auth)).data.upload
      const refusedFields: Array<[overrides: Record<string, unknown>, field: string]> = [
        [{ province_code: "01" }, "province_code"],
        [{ issuing_authority: "UBND tỉnh Khánh Hòa" }, "issuing_authority"],
        [{ issuing_authority: "Bộ Nông nghiệp và Môi trường" }, "issuing_authority"],
        [{ valid_from: "2025-01-01" }, "valid_from"],
        [{ scan_upload_id: scanOfB.id }, "scan_upload_id"],
      ]
      for (const [overrides, field] of refusedFields) {
        const refused = await expectStatus(
          api.post("/vendor/certifications", certificationBody(product.id, overrides), a.auth),
          400
        )
        expect(Object.keys(refused.data.errors), JSON.stringify(overrides)).toEqual([field])
      }
      expect(await certs()).toEqual([])

      const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
      const scan = (
        await api.post("/vendor/uploads", form("certificate_scan", pdf, "qd.pdf", "application/pdf"), a.auth)
      ).data.upload
      expect(scan.mime_type).toBe("application/pdf")
      const {
        issuing_authority: _left,
        province_code: _own,
        ...body
      } = certificationBody(product.id, {
        scan_upload_id: scan.id,
      })
      const created = await expectStatus(api.post("/vendor/certifications", body, a.auth), 201)
      expect(created.data.certification).toMatchObject({
        issuing_authority: "UBND tỉnh Lâm Đồng",
        province_code: "68",
        status: "submitted",
        scan_url: scan.url,
      })
      const servedScan = await api.get(scan.url, { responseType: "arraybuffer" })
      expect(servedScan.headers["content-type"]).toBe("application/pdf")

      const five = (await api.post("/vendor/products", { title: "Cà phê 5 sao", price: 90000 }, a.auth)).data.product
      const { issuing_authority: _none, ...fiveBody } = certificationBody(five.id, { stars: 5, score: 92 })
      const national = await expectStatus(api.post("/vendor/certifications", fiveBody, a.auth), 201)
      expect(national.data.certification.issuing_authority).toBe("Bộ Nông nghiệp và Môi trường")

      const dashboard = (await api.get("/vendor/dashboard", a.auth)).data.dashboard
      expect(dashboard.certifications.pending.map((c: { id: string }) => c.id).sort()).toEqual(
        [created.data.certification.id, national.data.certification.id].sort()
      )
      expect(dashboard.not_on_sale.map((p: { id: string }) => p.id).sort()).toEqual([product.id, five.id].sort())
      expect(dashboard.orders_to_ship).toEqual([])
      expect((await api.get("/vendor/dashboard", b.auth)).data.dashboard.certifications.pending).toEqual([])
    })
  },
})
