/**
 * Producer statements (issue 16): a month of orders from a household business and a cooperative
 * gives statements whose commission, withheld tax (Decree 117/2025: 1% VAT + 0.5% PIT, households
 * only) and payout agree with the table below, computed by hand; the operator's month adds up to the
 * producers' statements; payouts are recorded by the operator only, once per bank reference.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MONEY_COLUMNS } from "../../../../plugins/ocop/src/lib/statements"
import { useMarketplace, unique } from "../../fixtures/marketplace"
import { actors, attempt, bearer, histogram, must, type Auth } from "../security/actors"

type Rows = Array<Record<string, unknown>>
type Settlement = { listPayouts(filters: object): Promise<Rows> }
type Ocop = {
  listCertifications(filters: object, config: object): Promise<Array<{ id: string }>>
  updateCertifications(data: object): Promise<unknown>
}
type Line = Record<string, number> & { order_id: string }
type ProducerMonth = { producer: { id: string }; totals: Record<string, number> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const who = actors(api, getContainer, () => fx)

    async function producerOfType(name: string, entity_type: string) {
      const email = `${unique("sx")}@ocop.test`
      const password = "MatKhau#2026"
      const reg = await api.post("/auth/producer/emailpass/register", { email, password })
      const signup = await must(
        api.post(
          "/producers/signup",
          { name, entity_type, province_code: "68", phone: "0987654321" },
          bearer(reg.data.token)
        ),
        "sign up"
      )
      await api.post(`/admin/ocop/producers/${signup.data.producer.id}/approve`, {}, fx.adminHeaders)
      const login = await api.post("/auth/producer/emailpass", { email, password })
      return { id: signup.data.producer.id as string, province_code: "68", auth: bearer(login.data.token) }
    }

    /** A stocked product whose certificate puts it in another OCOP product group. */
    async function inGroup(productId: string, group_slug: string, subgroup_slug: string) {
      const ocop = getContainer().resolve<Ocop>("ocop")
      const [cert] = await ocop.listCertifications({ product_id: productId }, { take: 1 })
      await ocop.updateCertifications({ id: cert.id, group_slug, subgroup_slug })
    }

    const ship = (orderId: string, auth: Auth) =>
      must(
        api.post(`/vendor/orders/${orderId}/shipments`, { carrier: "GHN", tracking_number: unique("GHN") }, auth),
        "ship"
      )
    const setStatus = (orderId: string, auth: Auth, action: string) =>
      must(api.post(`/vendor/orders/${orderId}/status`, { action }, auth), action)
    const part = async (orderId: string, auth: Auth) => (await api.get(`/vendor/orders/${orderId}`, auth)).data.order

    it("a household and a cooperative: commission, withheld tax and payout agree with the table", async () => {
      for (const body of [
        { product_group: "*", rate_bps: 800, effective_from: "2025-01" },
        { product_group: "do-uong", rate_bps: 1000, effective_from: "2025-01" },
      ])
        await must(api.post("/admin/ocop/commission-rates", body, fx.adminHeaders), "commission rate")

      const household = await producerOfType(`Hộ kinh doanh Bà Tư ${unique("")}`, "household")
      const coop = await producerOfType(`HTX Mật ong ${unique("")}`, "cooperative")
      const tea = await who.stockedProduct(household.id, "Chè Shan tuyết", 20, 150000)
      const wine = await who.stockedProduct(household.id, "Rượu sim", 20, 215550)
      await inGroup(wine.id, "do-uong", "do-uong-co-con")
      const honey = await who.stockedProduct(coop.id, "Mật ong bạc hà", 20, 200000)

      const o1 = (
        await who.placeOrder([
          { variantId: tea.variantId, quantity: 2 },
          { variantId: wine.variantId, quantity: 1 },
          { variantId: honey.variantId, quantity: 1 },
        ])
      ).orderId
      const o2 = (await who.placeOrder([{ variantId: tea.variantId, quantity: 1 }])).orderId
      const o3 = (await who.placeOrder([{ variantId: honey.variantId, quantity: 3 }])).orderId
      const o4 = (await who.placeOrder([{ variantId: wine.variantId, quantity: 3 }])).orderId
      for (const o of [o1, o2, o4]) await who.orderSeenBy(household, o)
      for (const o of [o1, o3]) await who.orderSeenBy(coop, o)

      // o1: both parts delivered, each producer collected its parcel's cash (goods + 30 000 ₫ delivery).
      for (const p of [household, coop]) {
        await ship(o1, p.auth)
        await setStatus(o1, p.auth, "deliver")
        const { cash_to_collect } = await part(o1, p.auth)
        await must(api.post(`/vendor/orders/${o1}/cash-collection`, { amount: cash_to_collect }, p.auth), "cash")
      }
      // o2: the household's parcel came back. o3: the cooperative has not shipped yet.
      await ship(o2, household.auth)
      await setStatus(o2, household.auth, "return")
      // o4: delivered, the carrier remitted the cash to the platform (recorded by the operator).
      await ship(o4, household.auth)
      await setStatus(o4, household.auth, "deliver")
      await must(
        api.post(
          `/admin/ocop/orders/${o4}/cash-collection`,
          { producer_id: household.id, amount: 676650, collected_by: "platform" },
          fx.adminHeaders
        ),
        "operator records cash"
      )

      const month = new Date(new Date((await part(o1, household.auth)).created_at).getTime() + 7 * 3600e3)
        .toISOString()
        .slice(0, 7)
      const { data } = await must(api.get(`/vendor/statements?month=${month}`, household.auth), "statement")
      const s = data.statement
      // The statement's money columns, in the order of the rows below.
      const row = (l: Record<string, number>) => MONEY_COLUMNS.map((c) => l[c])
      const byOrder = Object.fromEntries(s.lines.map((l: Line) => [l.order_id, row(l)]))
      // Household (VAT 1% + PIT 0.5% withheld). Tea 8% (general rate), rice wine 10% (đồ uống).
      //   o1: 2 × 150 000 + 215 550 = 515 550; commission 24 000 + 21 555 = 45 555;
      //       VAT 5 155,5 → 5 156; PIT 2 577,75 → 2 578; net 462 261; + 30 000 delivery − 545 550 kept = −53 289
      //   o2: 150 000 returned
      //   o4: 3 × 215 550 = 646 650; commission 64 665; VAT 6 466,5 → 6 467; PIT 3 233,25 → 3 233;
      //       net 572 285; + 30 000 delivery, cash 676 650 with the platform → 602 285 due
      //        gross      ret    pend  net sales  comm    VAT    PIT    net pay  deliv  cash P  cash Pl  due
      expect(byOrder[o1]).toEqual([515550, 0, 0, 515550, 45555, 5156, 2578, 462261, 30000, 545550, 0, -53289])
      expect(byOrder[o2]).toEqual([150000, 150000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
      expect(byOrder[o4]).toEqual([646650, 0, 0, 646650, 64665, 6467, 3233, 572285, 30000, 0, 676650, 602285])
      // Totals are sums of the lines: VAT 11 623, one đồng more than 1% of 1 162 200 — rounded per order part.
      expect(row(s.totals)).toEqual([
        1312200, 150000, 0, 1162200, 110220, 11623, 5811, 1034546, 60000, 545550, 676650, 548996,
      ])
      expect(s.rates).toMatchObject({ commission_bps: 800, vat_bps: 100, pit_bps: 50 })
      expect(s.rates.tax_legal_basis).toContain("117/2025/NĐ-CP")
      expect(s.complete).toBe(true)

      // Cooperative: nothing withheld. o1 honey 200 000, 8% → 16 000; o3 not shipped yet → pending.
      const coopStatement = (await must(api.get(`/vendor/statements?month=${month}`, coop.auth), "coop")).data.statement
      expect(coopStatement.lines.map((l: Line) => l.order_id).sort()).toEqual([o1, o3].sort())
      expect(row(coopStatement.totals)).toEqual([
        800000, 0, 600000, 200000, 16000, 0, 0, 184000, 30000, 230000, 0, -16000,
      ])
      expect(coopStatement.complete).toBe(false)

      // The operator's month: each producer's totals, the platform's the sum of all of them.
      const platform = (await must(api.get(`/admin/ocop/statements?month=${month}`, fx.adminHeaders), "month")).data
      const mine = platform.producers.find((p: ProducerMonth) => p.producer.id === household.id)
      expect(row(mine.totals)).toEqual(row(s.totals))
      for (const c of MONEY_COLUMNS)
        expect(platform.totals[c]).toBe(
          platform.producers.reduce((sum: number, p: ProducerMonth) => sum + p.totals[c], 0)
        )

      // The household's CSV: BOM, Vietnamese headings, one row per order part, the totals row.
      const csv = await api.get(`/vendor/statements/export?month=${month}`, {
        ...household.auth,
        responseType: "arraybuffer",
      })
      expect(csv.headers["content-type"]).toMatch(/text\/csv; charset=utf-8/)
      const bytes = Buffer.from(csv.data)
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const text = bytes.subarray(3).toString("utf8")
      expect(text).toContain("Thuế GTGT khấu trừ (VAT withheld)")
      expect(text).toContain(",515550,0,0,515550,45555,5156,2578,462261,30000,545550,0,-53289")
      expect(text).toContain("Tổng cộng (Total),,,1312200,150000,0,1162200,110220,11623,5811,1034546")

      // A payout, five times at once under the same bank reference: one record, audited once.
      const payout = { producer_id: household.id, month, amount: 548996, bank_reference: "VCB 2611 0001" }
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, () => attempt(api.post("/admin/ocop/payouts", payout, fx.adminHeaders)))
      )
      expect(histogram(outcomes)).toEqual({ 201: 1, 200: 4 })
      expect(new Set(outcomes.map((o) => o.data.payout.id)).size).toBe(1)
      const settlement = getContainer().resolve<Settlement>("settlement")
      expect(await settlement.listPayouts({ producer_id: household.id })).toHaveLength(1)
      const audit = (await who.auditOf(household.id)).filter((e) => e.action === "payout_recorded")
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({ actor_type: "user", data: { bank_reference: "VCB 2611 0001", amount: 548996 } })
      // The same reference for another amount is refused; the statement shows the payout.
      const different = await attempt(api.post("/admin/ocop/payouts", { ...payout, amount: 1000 }, fx.adminHeaders))
      expect(different.status).toBe(409)
      const after = (await api.get(`/vendor/statements?month=${month}`, household.auth)).data.statement
      expect(after).toMatchObject({ paid: 548996, outstanding: 0 })
      expect(after.payouts).toHaveLength(1)
    })

    it("only the operator records payouts and sets rates; bad input is a 400 naming the field", async () => {
      const producer = await who.producerAccount(`HTX Cà phê ${unique("")}`)
      const body = { producer_id: producer.id, month: "2026-10", amount: 100000, bank_reference: "ACB 0001" }
      const settlement = getContainer().resolve<Settlement>("settlement")
      expect((await attempt(api.post("/admin/ocop/payouts", body, producer.auth))).status).toBe(401)
      expect((await attempt(api.post("/admin/ocop/payouts", body))).status).toBe(401)
      const rate = { product_group: "*", rate_bps: 9999, effective_from: "2020-01" }
      expect((await attempt(api.post("/admin/ocop/commission-rates", rate, producer.auth))).status).toBe(401)
      expect(await settlement.listPayouts({ producer_id: producer.id })).toHaveLength(0)

      const bad: Array<[Record<string, unknown>, string]> = [
        [{ ...body, amount: 1.5 }, "amount"],
        [{ ...body, amount: "một trăm" }, "amount"],
        [{ ...body, month: "2026-13" }, "month"],
        [{ ...body, bank_reference: "=HYPERLINK(1)" }, "bank_reference"],
        [{ ...body, paid_at: "2999-01-01T00:00:00Z" }, "paid_at"],
        [{ ...body, extra: 1 }, "_"],
      ]
      for (const [payload, field] of bad) {
        const res = await attempt(api.post("/admin/ocop/payouts", payload, fx.adminHeaders))
        expect(res.status).toBe(400)
        expect(Object.keys(res.data.errors)).toContain(field)
      }
      const unknownProducer = await attempt(
        api.post("/admin/ocop/payouts", { ...body, producer_id: "opr_missing" }, fx.adminHeaders)
      )
      expect(unknownProducer.status).toBe(404)
      expect(await settlement.listPayouts({ producer_id: producer.id })).toHaveLength(0)

      for (const [payload, field] of [
        [{ ...rate, rate_bps: 9999 }, "rate_bps"],
        [{ ...rate, product_group: "khong-co" }, "product_group"],
        [{ ...rate, effective_from: "2026/01" }, "effective_from"],
      ] as Array<[Record<string, unknown>, string]>) {
        const res = await attempt(api.post("/admin/ocop/commission-rates", payload, fx.adminHeaders))
        expect(res.status).toBe(400)
        expect(Object.keys(res.data.errors)).toContain(field)
      }
      const badMonth = await attempt(api.get("/vendor/statements?month=11-2026", producer.auth))
      expect(badMonth.status).toBe(400)
      expect(Object.keys(badMonth.data.errors)).toContain("month")
      // An empty month is an empty statement, not an error.
      const empty = (await api.get("/vendor/statements?month=2025-01", producer.auth)).data.statement
      expect(empty).toMatchObject({ month: "2025-01", lines: [], paid: 0, outstanding: 0 })
    })
  },
})
