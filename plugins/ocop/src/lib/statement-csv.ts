/** A producer's monthly statement as CSV (lib/csv.ts: UTF-8 BOM, formula-safe), headings in Vietnamese and English. */
import { toCsv, type CsvCell } from "./csv"
import { MONEY_COLUMNS, type MoneyColumn, type ProducerStatement } from "./statements"

const HEADINGS: Record<MoneyColumn, string> = {
  gross: "Doanh số (Gross sales)",
  returns: "Hoàn trả/huỷ (Returns/cancellations)",
  pending: "Chưa quyết toán (Pending)",
  net_sales: "Doanh thu thuần (Net sales)",
  commission: "Phí sàn (Commission)",
  vat_withheld: "Thuế GTGT khấu trừ (VAT withheld)",
  pit_withheld: "Thuế TNCN khấu trừ (PIT withheld)",
  net_payable: "Thực nhận (Net payable)",
  delivery_fees: "Phí giao hàng (Delivery fees)",
  cash_collected_by_producer: "COD chủ thể đã thu (Cash kept by producer)",
  cash_collected_by_platform: "COD sàn đã thu (Cash collected by platform)",
  payout_due: "Sàn phải trả (Payout due)",
}

const STATE: Record<string, string> = {
  settled: "đã quyết toán (settled)",
  returned: "hoàn trả/huỷ (returned/cancelled)",
  pending: "chưa quyết toán (pending)",
}

export function statementCsv(statement: ProducerStatement): string {
  const header = ["Tháng (Month)", "Chủ thể (Producer)", "Mã đơn (Order)", "Ngày đặt (Placed at)", "Trạng thái (State)"]
  const rows: CsvCell[][] = statement.lines.map((l) => [
    statement.month,
    statement.producer.name,
    l.display_id != null ? `#${l.display_id}` : l.order_id,
    l.placed_at,
    STATE[l.state],
    ...MONEY_COLUMNS.map((c) => l[c]),
  ])
  rows.push([
    statement.month,
    statement.producer.name,
    "Tổng cộng (Total)",
    "",
    "",
    ...MONEY_COLUMNS.map((c) => statement.totals[c]),
  ])
  // Paid and outstanding sit under the payout column, the one they settle.
  const underPayout = (label: string, value: number): CsvCell[] => [
    statement.month,
    statement.producer.name,
    label,
    "",
    "",
    ...MONEY_COLUMNS.map((c) => (c === "payout_due" ? value : "")),
  ]
  rows.push(underPayout("Đã thanh toán (Paid out)", statement.paid))
  rows.push(underPayout("Còn phải trả (Outstanding)", statement.outstanding))
  return toCsv([...header, ...MONEY_COLUMNS.map((c) => HEADINGS[c])], rows)
}
