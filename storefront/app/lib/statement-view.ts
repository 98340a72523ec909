/** A producer's monthly statement as the portal shows it: client-safe (the page's component reads it). */

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
