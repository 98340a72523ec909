/**
 * A producer's monthly statement: what it sold (its part of each order placed in the month), what
 * came back or was cancelled, the platform's commission, the tax withheld under Decree 117/2025
 * (lib/withholding-tax.ts), and what the platform owes it. Pure, so it is tested alone.
 *
 * Money is integer VND throughout. The rounding rule (docs/decisions/018-producer-statements.md):
 * every amount is rounded ONCE, half up to the đồng, on the smallest thing it applies to —
 * commission on each order line (its product group's rate), each tax on each producer's part of an
 * order — and every total is a plain sum of rounded amounts. So a statement's totals are the sums
 * of its lines and the platform's totals are the sums of the statements, to the đồng, whichever
 * way they are added.
 *
 * A line counts once its money is certain: a delivered part paid online, or a delivered
 * cash-on-delivery part whose cash has been recorded. Until then it is "pending"; a returned or
 * cancelled part is listed under returns/cancellations. gross = net sales + returns + pending.
 */
import type { OrderPartStatus } from "./order-parts"
import { withholdingRatesFor, withholdingRuleFor } from "./withholding-tax"

/** Months are calendar months in Vietnam time (UTC+7, no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/

export function monthOf(date: string | Date): string {
  return new Date(new Date(date).getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 7)
}

/** The instants [from, to) of a month in Vietnam time. */
export function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split("-").map(Number)
  return {
    from: new Date(Date.UTC(y, m - 1, 1) - VIETNAM_OFFSET_MS),
    to: new Date(Date.UTC(y, m, 1) - VIETNAM_OFFSET_MS),
  }
}

/** amount × bps / 10 000, rounded half up to the đồng (exact in BigInt: no float error at any size). */
export function shareOf(amount: number, bps: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`amount must be a whole đồng ≥ 0: ${amount}`)
  if (!Number.isInteger(bps) || bps < 0) throw new RangeError(`rate must be whole basis points ≥ 0: ${bps}`)
  return Number((BigInt(amount) * BigInt(bps) + 5000n) / 10000n)
}

/** A commission rate row: `product_group` "*" applies to every group without its own rate. */
export type CommissionRate = { product_group: string; rate_bps: number; effective_from: string }
export const ALL_GROUPS = "*"

/** The rate of a product group in a month: its own latest rate, else the latest general one, else 0. */
export function commissionRateFor(rates: CommissionRate[], group: string | null, month: string): number {
  const latest = (g: string) =>
    rates
      .filter((r) => r.product_group === g && r.effective_from <= month)
      .sort((a, b) => (a.effective_from < b.effective_from ? 1 : -1))[0]
  return (group ? latest(group) : undefined)?.rate_bps ?? latest(ALL_GROUPS)?.rate_bps ?? 0
}

export type CollectedBy = "producer" | "platform"

/** One producer's part of one order, as the statement needs it. */
export type StatementPart = {
  order_id: string
  display_id?: number | null
  placed_at: string
  part_status: OrderPartStatus
  /** Its lines: amount = unit price × quantity, and the product group of the product's certificate. */
  items: Array<{ product_group: string | null; amount: number }>
  /** The delivery fee of its parcel (the producer ships it, so the fee is passed on whole). */
  shipping: number
  cash_on_delivery: boolean
  collection?: { amount: number; collected_by: CollectedBy } | null
}

export type LineState = "settled" | "returned" | "pending"

export type StatementLine = {
  order_id: string
  display_id: number | null
  placed_at: string
  part_status: OrderPartStatus
  state: LineState
  gross: number
  returns: number
  pending: number
  net_sales: number
  commission: number
  vat_withheld: number
  pit_withheld: number
  /** Net sales less commission and withheld tax. */
  net_payable: number
  /** Delivery fees of settled parcels, passed on without commission or tax. */
  delivery_fees: number
  cash_collected_by_producer: number
  cash_collected_by_platform: number
  /** What the platform owes for this line: net payable + delivery fees − cash the producer kept. */
  payout_due: number
}

export const MONEY_COLUMNS = [
  "gross",
  "returns",
  "pending",
  "net_sales",
  "commission",
  "vat_withheld",
  "pit_withheld",
  "net_payable",
  "delivery_fees",
  "cash_collected_by_producer",
  "cash_collected_by_platform",
  "payout_due",
] as const
export type MoneyColumn = (typeof MONEY_COLUMNS)[number]
export type StatementTotals = Record<MoneyColumn, number>

export function lineState(part: StatementPart): LineState {
  if (part.part_status === "returned" || part.part_status === "cancelled") return "returned"
  if (part.part_status !== "delivered") return "pending"
  return part.cash_on_delivery && !part.collection ? "pending" : "settled"
}

export function statementLine(
  part: StatementPart,
  rates: { commission: (group: string | null) => number; vat_bps: number; pit_bps: number }
): StatementLine {
  const gross = part.items.reduce((s, i) => s + i.amount, 0)
  const state = lineState(part)
  const settled = state === "settled"
  const net_sales = settled ? gross : 0
  const commission = settled
    ? part.items.reduce((s, i) => s + shareOf(i.amount, rates.commission(i.product_group)), 0)
    : 0
  const vat_withheld = shareOf(net_sales, rates.vat_bps)
  const pit_withheld = shareOf(net_sales, rates.pit_bps)
  const net_payable = net_sales - commission - vat_withheld - pit_withheld
  const delivery_fees = settled ? part.shipping : 0
  const byProducer = part.collection?.collected_by === "producer" ? part.collection.amount : 0
  const byPlatform = part.collection?.collected_by === "platform" ? part.collection.amount : 0
  return {
    order_id: part.order_id,
    display_id: part.display_id ?? null,
    placed_at: part.placed_at,
    part_status: part.part_status,
    state,
    gross,
    returns: state === "returned" ? gross : 0,
    pending: state === "pending" ? gross : 0,
    net_sales,
    commission,
    vat_withheld,
    pit_withheld,
    net_payable,
    delivery_fees,
    cash_collected_by_producer: byProducer,
    cash_collected_by_platform: byPlatform,
    payout_due: net_payable + delivery_fees - byProducer,
  }
}

export function sumColumns(rows: Array<Record<MoneyColumn, number>>): StatementTotals {
  const totals = Object.fromEntries(MONEY_COLUMNS.map((c) => [c, 0])) as StatementTotals
  for (const row of rows) for (const c of MONEY_COLUMNS) totals[c] += row[c]
  return totals
}

export type StatementProducer = { id: string; name: string; entity_type: string }
export type StatementPayout = { id: string; amount: number; bank_reference: string; paid_at: string | Date }

export type ProducerStatement = {
  month: string
  producer: StatementProducer
  /** Rates used: the general commission rate of the month and the withheld tax (0 when not withheld). */
  rates: { commission_bps: number; vat_bps: number; pit_bps: number; tax_legal_basis: string | null }
  lines: StatementLine[]
  totals: StatementTotals
  payouts: StatementPayout[]
  paid: number
  /** Payout due less what was already paid out for this month. */
  outstanding: number
  /** No line is pending: the month's figures will not change unless a part is returned later. */
  complete: boolean
}

export function producerStatement(input: {
  month: string
  producer: StatementProducer
  parts: StatementPart[]
  commission_rates: CommissionRate[]
  payouts?: StatementPayout[]
}): ProducerStatement {
  const { month, producer } = input
  const tax = withholdingRatesFor(producer.entity_type, month)
  const commission = (group: string | null) => commissionRateFor(input.commission_rates, group, month)
  const lines = input.parts
    .filter((p) => monthOf(p.placed_at) === month)
    .sort((a, b) => (a.placed_at < b.placed_at ? -1 : a.placed_at > b.placed_at ? 1 : a.order_id < b.order_id ? -1 : 1))
    .map((p) => statementLine(p, { commission, ...tax }))
  const totals = sumColumns(lines)
  const payouts = input.payouts ?? []
  const paid = payouts.reduce((s, p) => s + p.amount, 0)
  return {
    month,
    producer,
    rates: {
      commission_bps: commission(null),
      ...tax,
      tax_legal_basis: tax.vat_bps || tax.pit_bps ? (withholdingRuleFor(month)?.legal_basis ?? null) : null,
    },
    lines,
    totals,
    payouts,
    paid,
    outstanding: totals.payout_due - paid,
    complete: lines.every((l) => l.state !== "pending"),
  }
}

/** The operator's view of a month: every producer's totals, and the platform's as their sum. */
export function platformSummary(statements: ProducerStatement[]) {
  const rows = statements.map((s) => ({
    producer: s.producer,
    totals: s.totals,
    paid: s.paid,
    outstanding: s.outstanding,
    complete: s.complete,
  }))
  const totals = sumColumns(statements.map((s) => s.totals))
  return {
    producers: rows,
    totals,
    paid: rows.reduce((s, r) => s + r.paid, 0),
    outstanding: rows.reduce((s, r) => s + r.outstanding, 0),
  }
}
