/**
 * Input the server decides for itself or refuses by name: the locale parameter (an array hung
 * every /store request; the search lost its own locale), ill-formed text, malformed addresses, a
 * replayed registration token, and the province and validity of a producer's certificate (the
 * server's, not the producer's), which /store/ocop/verify never vouches for when out of the rules.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { useMarketplace, unique } from "../../fixtures/marketplace"
import { actors, attempt, bearer, histogram, must, type Outcome } from "./actors"

const DAY = 24 * 3600 * 1000
const ymd = (d: Date | string) => new Date(d).toISOString().slice(0, 10)
const addMonths = (d: Date, months: number) => {
  const x = new Date(d)
  x.setUTCMonth(x.getUTCMonth() + months)
  return x
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const who = actors(api, getContainer, () => fx)
    const store = (path: string) => attempt(api.get(path, fx.storeHeaders))

    describe("the locale parameter", () => {
      it("answers an array or object locale with a 400 naming it, on Medusa's routes and ours, instead of hanging", async () => {
        const outcomes: Outcome[] = []
        for (const path of [
          "/store/products?locale=vi&locale=en",
          "/store/products?locale[x]=1",
          "/store/regions?locale[]=vi",
          "/store/ocop/provinces?locale=a&locale=b",
          "/store/ocop/search?locale=vi&locale=en",
        ]) {
          const res = await store(path)
          outcomes.push(res)
          expect(res.status, path).toBe(400)
          expect(res.data.errors, path).toHaveProperty("locale")
        }
        console.log(
          `[input] array/object locale: ${outcomes.length} requests, statuses ${JSON.stringify(histogram(outcomes))}, slowest ${Math.max(...outcomes.map((o) => o.ms))} ms`
        )
        for (const path of ["/store/products?locale=vi", "/store/products?locale="]) {
          const res = await store(path)
          expect(res.status, `${path}: ${JSON.stringify(res.data)}`).toBe(200)
        }
      })

      it("lets the search read its own locale although Medusa consumes ?locale", async () => {
        const producer = await who.producerAccount("HTX Chè Tân Cương")
        await who.listedVendorProduct(producer, "Chè búp Tân Cương")
        const names = async (locale: string) => {
          const deadline = Date.now() + 15_000
          for (;;) {
            const res = await store(`/store/ocop/search?q=${encodeURIComponent("Tân Cương")}&locale=${locale}`)
            expect(res.status).toBe(200)
            if (res.data.hits.length || Date.now() > deadline) return res.data.hits.map((h: any) => h.group.name)
            await new Promise((r) => setTimeout(r, 200))
          }
        }
        expect(await names("en")).toEqual(["Food"])
        expect(await names("vi")).toEqual(["Thực phẩm"])
        expect((await store("/store/ocop/search?locale=fr")).data.errors.map((e: any) => e.param)).toEqual(["locale"])
      })
    })

    describe("ill-formed text and addresses", () => {
      it("refuses NUL characters, lone surrogates and malformed percent-encodings with a 400 naming the field", async () => {
        const producer = await who.producerAccount("HTX Nấm Linh Chi")
        // Each request starts when its turn comes, so none is rejected before anyone awaits it.
        const cases: Array<[string, () => Promise<any>, string]> = [
          ["NUL in a public query", () => api.get("/store/ocop/verify?code=ABC%00", fx.storeHeaders), "code"],
          ["NUL in Medusa's own search", () => api.get("/store/products?q=n%C6%B0%E1%BB%9Bc%00", fx.storeHeaders), "q"],
          [
            "lone surrogate in a body",
            () =>
              api.post("/vendor/products", '{"title":"N\\ud800m linh chi","price":150000}', {
                headers: { ...producer.auth.headers, "content-type": "application/json" },
              }),
            "title",
          ],
          [
            "NUL in a nested body field",
            () => api.post("/vendor/me", { story: "Câu chuyện\u0000" }, producer.auth),
            "story",
          ],
          [
            "NUL in a login",
            () => api.post("/auth/customer/emailpass", { email: "a\u0000@ocop.test", password: "x" }),
            "email",
          ],
          ["malformed path id", () => api.get("/store/products/%E0%A4%A", fx.storeHeaders), "path"],
          ["malformed path id on our route", () => api.get("/vendor/products/%ZZ", producer.auth), "path"],
          ["NUL path id", () => api.get("/store/ocop/producers/htx%00", fx.storeHeaders), "path"],
          ["malformed query value", () => api.get("/store/ocop/verify?code=%E0%A4%A", fx.storeHeaders), "code"],
        ]
        for (const [name, request, field] of cases) {
          const res = await attempt(request())
          expect(res.status, name).toBe(400)
          expect(res.data.errors, `${name}: ${JSON.stringify(res.data)}`).toHaveProperty([field])
        }
        // Nothing was written by the refused requests.
        expect((await api.get("/vendor/products", producer.auth)).data.products).toEqual([])
        expect((await api.get("/vendor/me", producer.auth)).data.producer.story ?? null).toBeNull()
      })
    })

    describe("producer sign-up", () => {
      it("a registration token used again — later or in parallel — gives a 409 and never a producer without a login", async () => {
        const email = `${unique("dk")}@ocop.test`
        const reg = await api.post("/auth/producer/emailpass/register", { email, password: "MatKhau#2026" })
        const body = (n: number) => ({
          name: `HTX Đăng Ký Lặp ${n}`,
          entity_type: "cooperative",
          province_code: "68",
          phone: "0987654321",
        })
        const parallel = await Promise.all(
          [1, 2, 3, 4, 5].map((n) => attempt(api.post("/producers/signup", body(n), bearer(reg.data.token))))
        )
        const later = await attempt(api.post("/producers/signup", body(6), bearer(reg.data.token)))
        const outcomes = [...parallel, later]
        console.log(`[input] one registration token used 6 times: statuses ${JSON.stringify(histogram(outcomes))}`)
        expect(outcomes.filter((o) => o.status === 201)).toHaveLength(1)
        for (const o of outcomes.filter((o) => o.status !== 201)) {
          expect(o.status).toBe(409)
          expect(o.data.message).toMatch(/đã có chủ thể OCOP.*EN: This login already has an OCOP producer/)
        }
        const created = outcomes.find((o) => o.status === 201)!.data.producer
        const ocop: any = getContainer().resolve("ocop")
        const named = await ocop.listProducers({ name: [1, 2, 3, 4, 5, 6].map((n) => `HTX Đăng Ký Lặp ${n}`) })
        expect(named.map((p: any) => p.id)).toEqual([created.id])
        const login = await api.post("/auth/producer/emailpass", { email, password: "MatKhau#2026" })
        expect((await api.get("/vendor/me", bearer(login.data.token))).data.producer.id).toBe(created.id)
      })
    })

    describe("a producer's certificate: province and validity come from the server", () => {
      async function submission(producer: { auth: any }, overrides: Record<string, unknown> = {}) {
        const { data } = await must(
          api.post("/vendor/products", { title: `Cà phê ${unique("")}`, price: 180000 }, producer.auth),
          "create product"
        )
        const body = {
          product_id: data.product.id,
          stars: 4,
          score: 80,
          group_slug: "thuc-pham",
          certificate_number: unique("CN"),
          decision_number: "858/QĐ-UBND",
          decision_date: "2025-06-19",
          issuing_authority: "UBND tỉnh Lâm Đồng",
          ...overrides,
        }
        return attempt(api.post("/vendor/certifications", body, producer.auth))
      }

      it("refuses another province and any validity in a submission, naming the field, and files it under the producer's province", async () => {
        const producer = await who.producerAccount("HTX Cà phê Cầu Đất", "68")
        for (const [field, value] of [
          ["province_code", "01"],
          ["valid_from", "2025-06-19"],
          ["expires_at", "2125-06-19"],
          ["decision_date", ymd(new Date(Date.now() + 30 * DAY))],
        ] as const) {
          const res = await submission(producer, { [field]: value })
          expect(res.status, field).toBe(400)
          expect(Object.keys(res.data.errors), field).toEqual([field])
        }
        expect((await api.get("/vendor/certifications", producer.auth)).data.certifications).toEqual([])
        const plain = await submission(producer)
        expect(plain.status).toBe(201)
        expect(plain.data.certification.province_code).toBe("68")
        expect(plain.data.certification.valid_from).toBeNull()
        expect(plain.data.certification.expires_at).toBeNull()
        const sameProvince = await submission(producer, { province_code: "68" })
        expect(sameProvince.status).toBe(201)
        // Only the trade centre of 68 sees and decides it.
        const haNoi = await who.curatorAccount("01")
        expect(
          (
            await attempt(
              api.post(`/trade-center/certifications/${plain.data.certification.id}/approve`, {}, haNoi.auth)
            )
          ).status
        ).toBe(404)
      })

      it("sets validity when the decision is made: 36 months from it unless the decision says otherwise, within the rules", async () => {
        const producer = await who.producerAccount("HTX Bơ Đắk Lắk", "68")
        const lamDong = await who.curatorAccount("68")
        const decide = async (body: Record<string, unknown>) => {
          const sub = await submission(producer)
          const before = Date.now()
          const res = await attempt(
            api.post(`/trade-center/certifications/${sub.data.certification.id}/approve`, body, lamDong.auth)
          )
          return { res, before, after: Date.now(), cert: await who.certification(sub.data.certification.id) }
        }

        const plain = await decide({})
        expect(plain.res.status).toBe(200)
        const from = new Date(plain.cert.valid_from).getTime()
        expect(from).toBeGreaterThanOrEqual(plain.before - 1000)
        expect(from).toBeLessThanOrEqual(plain.after + 1000)
        expect(ymd(plain.cert.expires_at)).toBe(ymd(addMonths(new Date(plain.cert.valid_from), 36)))

        const dated = await decide({ decision_date: "2025-06-19", decision_number: "3981/QĐ-UBND" })
        expect(dated.res.status).toBe(200)
        expect([ymd(dated.cert.valid_from), ymd(dated.cert.expires_at)]).toEqual(["2025-06-19", "2028-06-19"])

        const shorter = await decide({ decision_date: "2025-06-19", expires_at: "2027-06-19" })
        expect(shorter.res.status).toBe(200)
        expect(ymd(shorter.cert.expires_at)).toBe("2027-06-19")

        for (const [body, field] of [
          [{ decision_date: "2025-06-19", expires_at: "2125-06-19" }, "expires_at"],
          [{ valid_from: "2025-01-01", expires_at: "2024-01-01" }, "expires_at"],
          [{ decision_date: ymd(new Date(Date.now() + 60 * DAY)) }, "decision_date"],
        ] as const) {
          const refused = await decide(body)
          expect(refused.res.status, JSON.stringify(body)).toBe(400)
          expect(
            refused.res.data.errors ?? {},
            `${JSON.stringify(body)} → ${JSON.stringify(refused.res.data)}`
          ).toHaveProperty(field)
          expect(refused.cert.status).toBe("submitted")
        }

        // Operators recording an existing certificate are held to the same rules.
        const { data } = await api.post("/vendor/products", { title: "Bơ sáp 034", price: 90000 }, producer.auth)
        const recorded = await attempt(
          api.post(
            "/admin/ocop/certifications",
            {
              product_id: data.product.id,
              stars: 4,
              score: 80,
              group_slug: "thuc-pham",
              certificate_number: unique("CN"),
              issuing_authority: "UBND tỉnh Lâm Đồng",
              province_code: "68",
              valid_from: "2025-01-01",
              expires_at: "2125-01-01",
            },
            fx.adminHeaders
          )
        )
        expect(recorded.status).toBe(400)
        expect(recorded.data.errors).toHaveProperty("expires_at")
      })

      it("/store/ocop/verify never says valid for a validity longer than the rules allow", async () => {
        const producer = await who.producerAccount("HTX Hồ tiêu Chư Sê", "68")
        const good = await who.listedVendorProduct(producer, "Hồ tiêu đen Chư Sê")
        const goodCert = await who.certification(good.certificationId)
        expect(
          (await store(`/store/ocop/verify?code=${encodeURIComponent(goodCert.certificate_number)}`)).data.result
        ).toBe("valid")

        // A record approved "as submitted" before the fix: valid until 2125.
        const legacy = await who.listedVendorProduct(producer, "Hồ tiêu trắng Chư Sê")
        const ocop: any = getContainer().resolve("ocop")
        await ocop.updateCertifications({
          id: legacy.certificationId,
          valid_from: new Date("2025-01-01"),
          expires_at: new Date("2125-01-01"),
        })
        const legacyCert = await who.certification(legacy.certificationId)
        const verdict = await store(`/store/ocop/verify?code=${encodeURIComponent(legacyCert.certificate_number)}`)
        expect(verdict.status).toBe(200)
        expect(verdict.data.result).not.toBe("valid")
      })
    })
  },
})
