/**
 * A producer's monthly statement and the cash it collected on delivery (plugins/ocop: lib/statements.ts
 * computes the statement; docs/decisions/018-producer-statements.md explains its columns and rounding).
 */
import type { Result } from "./client.server";
import type { Statement } from "../statement-view";
import { type CsvDownload, portalCsv, portalRequest } from "./portal-api.server";

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
