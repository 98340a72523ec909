import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { statementCsv } from "./statement-csv"
import {
  commissionRateFor,
  MONEY_COLUMNS,
  monthOf,
  monthRange,
  platformSummary,
  producerStatement,
  shareOf,
  sumColumns,
  type StatementPart,
} from "./statements"
import { withholdingRatesFor } from "./withholding-tax"

const part = (over: Partial<StatementPart>): StatementPart => ({
  order_id: "order_1",
  display_id: 1,
  placed_at: "2026-10-10T03:00:00.000Z",
  part_status: "delivered",
  items: [{ product_group: "thuc-pham", amount: 300000 }],
  shipping: 30000,
  cash_on_delivery: false,
  collection: null,
  ...over,
})

describe("rounding and rates", () => {
  it("rounds a share half up to the đồng, exactly at any size", () => {
    expect(shareOf(150, 100)).toBe(2) // 1.5 → 2
    expect(shareOf(149, 100)).toBe(1)
    expect(shareOf(333333, 50)).toBe(1667) // 1666.665 → 1667
    expect(shareOf(9_000_000_000_000, 800)).toBe(720_000_000_000)
    expect(() => shareOf(1.5, 100)).toThrow(RangeError)
  })

  it("withholds 1% VAT and 0.5% PIT from households, nothing from cooperatives and enterprises", () => {
    expect(withholdingRatesFor("household", "2026-10")).toEqual({ vat_bps: 100, pit_bps: 50 })
    expect(withholdingRatesFor("cooperative", "2026-10")).toEqual({ vat_bps: 0, pit_bps: 0 })
    expect(withholdingRatesFor("enterprise", "2026-10")).toEqual({ vat_bps: 0, pit_bps: 0 })
    // Before Decree 117/2025 took effect (1 July 2025) the platform withheld nothing.
    expect(withholdingRatesFor("household", "2025-06")).toEqual({ vat_bps: 0, pit_bps: 0 })
  })

  it("takes a group's own latest rate, else the general one, as of the month", () => {
    const rates = [
      { product_group: "*", rate_bps: 500, effective_from: "2026-01" },
      { product_group: "*", rate_bps: 700, effective_from: "2026-11" },
      { product_group: "do-uong", rate_bps: 1000, effective_from: "2026-06" },
    ]
    expect(commissionRateFor(rates, "thuc-pham", "2026-10")).toBe(500)
    expect(commissionRateFor(rates, "thuc-pham", "2026-11")).toBe(700)
    expect(commissionRateFor(rates, "do-uong", "2026-05")).toBe(500)
    expect(commissionRateFor(rates, "do-uong", "2026-10")).toBe(1000)
    expect(commissionRateFor([], "do-uong", "2026-10")).toBe(0)
  })

  it("reads months in Vietnam time", () => {
    expect(monthOf("2026-10-31T16:59:59.999Z")).toBe("2026-10")
    expect(monthOf("2026-10-31T17:00:00.000Z")).toBe("2026-11")
    expect(monthRange("2026-11")).toEqual({
      from: new Date("2026-10-31T17:00:00.000Z"),
      to: new Date("2026-11-30T17:00:00.000Z"),
    })
  })
})

describe("a producer's statement", () => {
  const rates = [{ product_group: "*", rate_bps: 800, effective_from: "2026-01" }]

  it("counts delivered parts, lists returns and pending parts, and owes what the producer did not collect", () => {
    const statement = producerStatement({
      month: "2026-10",
      producer: { id: "opr_1", name: "Hộ kinh doanh Bà Tư", entity_type: "household" },
      commission_rates: rates,
      parts: [
        part({ order_id: "a" }),
        part({ order_id: "b", cash_on_delivery: true, collection: { amount: 330000, collected_by: "producer" } }),
        part({ order_id: "c", cash_on_delivery: true }), // delivered, cash not recorded yet
        part({ order_id: "d", part_status: "returned" }),
        part({ order_id: "e", placed_at: "2026-11-02T03:00:00.000Z" }), // another month
      ],
      payouts: [{ id: "p1", amount: 100000, bank_reference: "VCB-1", paid_at: "2026-11-05" }],
    })
    expect(statement.lines.map((l) => [l.order_id, l.state])).toEqual([
      ["a", "settled"],
      ["b", "settled"],
      ["c", "pending"],
      ["d", "returned"],
    ])
    // Per settled part: commission 24 000, VAT 3 000, PIT 1 500 → net payable 271 500.
    expect(statement.totals).toMatchObject({
      gross: 1200000,
      returns: 300000,
      pending: 300000,
      net_sales: 600000,
      commission: 48000,
      vat_withheld: 6000,
      pit_withheld: 3000,
      net_payable: 543000,
      delivery_fees: 60000,
      cash_collected_by_producer: 330000,
      payout_due: 273000,
    })
    expect(statement.outstanding).toBe(173000)
    expect(statement.complete).toBe(false)
  })

  it("exports a CSV with a BOM, Vietnamese headings and formula-safe names", () => {
    const statement = producerStatement({
      month: "2026-10",
      producer: { id: "opr_1", name: "=HYPERLINK(1)", entity_type: "cooperative" },
      commission_rates: rates,
      parts: [part({})],
    })
    const csv = statementCsv(statement)
    expect(csv.startsWith("\uFEFFTháng (Month),")).toBe(true)
    expect(csv).toContain("Thuế GTGT khấu trừ (VAT withheld)")
    expect(csv).toContain("'=HYPERLINK(1)")
    expect(csv).toContain(
      "2026-10,'=HYPERLINK(1),#1,2026-10-10T03:00:00.000Z,đã quyết toán (settled)," +
        "300000,0,0,300000,24000,0,0,276000,30000,0,0,306000"
    )
  })
})

describe("totals add up to the đồng", () => {
  const arbitraryPart = fc.record({
    order_id: fc.uuid(),
    display_id: fc.nat(100000),
    placed_at: fc
      .integer({ min: Date.UTC(2026, 9, 1), max: Date.UTC(2026, 9, 28) })
      .map((t) => new Date(t).toISOString()),
    part_status: fc.constantFrom("placed", "shipped", "delivered", "returned", "cancelled" as const),
    items: fc.array(
      fc.record({
        product_group: fc.constantFrom("thuc-pham", "do-uong", null),
        amount: fc.integer({ min: 0, max: 5e8 }),
      }),
      { minLength: 1, maxLength: 5 }
    ),
    shipping: fc.integer({ min: 0, max: 100000 }),
    cash_on_delivery: fc.boolean(),
    collection: fc.option(
      fc.record({
        amount: fc.integer({ min: 0, max: 5e8 }),
        collected_by: fc.constantFrom("producer", "platform" as const),
      })
    ),
  })
  const arbitraryProducer = fc.record({
    entity_type: fc.constantFrom("household", "cooperative", "enterprise", "cooperative_group"),
    parts: fc.array(arbitraryPart, { maxLength: 8 }),
  })
  const arbitraryRates = fc.array(
    fc.record({
      product_group: fc.constantFrom("*", "thuc-pham", "do-uong"),
      rate_bps: fc.integer({ min: 0, max: 3000 }),
      effective_from: fc.constantFrom("2025-01", "2026-10", "2026-12"),
    }),
    { maxLength: 4 }
  )

  it("lines → statement → platform sums agree, and each line's identities hold", () => {
    fc.assert(
      fc.property(fc.array(arbitraryProducer, { maxLength: 6 }), arbitraryRates, (producers, rates) => {
        const statements = producers.map((p, i) =>
          producerStatement({
            month: "2026-10",
            producer: { id: `opr_${i}`, name: `P${i}`, entity_type: p.entity_type },
            parts: p.parts,
            commission_rates: rates,
          })
        )
        for (const s of statements) {
          expect(s.totals).toEqual(sumColumns(s.lines))
          for (const l of [...s.lines, s.totals]) {
            expect(l.gross).toBe(l.net_sales + l.returns + l.pending)
            expect(l.net_payable).toBe(l.net_sales - l.commission - l.vat_withheld - l.pit_withheld)
            expect(l.payout_due).toBe(l.net_payable + l.delivery_fees - l.cash_collected_by_producer)
          }
          for (const c of MONEY_COLUMNS) expect(Number.isSafeInteger(s.totals[c])).toBe(true)
        }
        const platform = platformSummary(statements)
        for (const c of MONEY_COLUMNS) {
          const byLine = statements.flatMap((s) => s.lines).reduce((sum, l) => sum + l[c], 0)
          expect(platform.totals[c]).toBe(byLine)
        }
        // What the shoppers paid for settled goods = what the platform keeps + the tax office gets + the producers get.
        const t = platform.totals
        expect(t.net_sales).toBe(t.commission + t.vat_withheld + t.pit_withheld + t.net_payable)
      }),
      { numRuns: 300 }
    )
  })
})
