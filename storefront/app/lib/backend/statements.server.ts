/**
 * A producer's monthly statement and the cash it collected on delivery (plugins/ocop: lib/statements.ts
 * computes the statement; docs/decisions/018-producer-statements.md explains its columns and rounding).
 */
import type { Result } from "./client.server";
import { type CsvDownload, portalCsv, portalRequest } from "./portal-api.server";

/**
 * The money columns of a statement line, in the backend's order: a copy of MONEY_COLUMNS in
 * plugins/ocop/src/lib/statements.ts (scripts/test/statement-columns.test.ts holds the two equal).
 */
export const STATEMENT_COLUMNS = [
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
] as const;
export type StatementColumn = (typeof STATEMENT_COLUMNS)[number];

export type StatementLine = Record<StatementColumn, number> & {
  order_id: string;
  display_id: number | null;
  placed_at: string;
  state: "settled" | "returned" | "pending";
};

export type Statement = {
  month: string;
  producer: { id: string; name: string; entity_type: string };
  rates: { commission_bps: number; vat_bps: number; pit_bps: number; tax_legal_basis: string | null };
  lines: StatementLine[];
  totals: Record<StatementColumn, number>;
  payouts: Array<{ id: string; amount: number; bank_reference: string; paid_at: string }>;
  paid: number;
  outstanding: number;
  complete: boolean;
};

export function getStatement(token: string, month: string): Promise<Result<{ statement: Statement }>> {
  return portalRequest(`/vendor/statements?month=${encodeURIComponent(month)}`, { token });
}

/** The backend's CSV bytes as they are (UTF-8 BOM kept) and the file name it chose. */
export function statementCsv(token: string, month: string): Promise<CsvDownload> {
  return portalCsv(token, `/vendor/statements/export?month=${encodeURIComponent(month)}`, `sao-ke-${month}.csv`);
}

/** Records the cash collected on delivery for the producer's part (the same record twice is one). */
export function recordCashCollection(token: string, orderId: string, amount: number) {
  return portalRequest<{ cash_collection: { id: string }; replayed: boolean }>(
    `/vendor/orders/${encodeURIComponent(orderId)}/cash-collection`,
    { method: "POST", token, body: { amount } }
  );
}
