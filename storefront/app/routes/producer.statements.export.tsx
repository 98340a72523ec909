import type { LoaderFunctionArgs } from "@remix-run/node";
import { statementCsv } from "~/lib/backend/statements.server";
import { csvAttachment } from "~/lib/portal.server";
import { expiredLogin, PRIVATE_HEADERS, requireProducer } from "~/lib/session.server";
import { monthFromQuery } from "~/lib/statement-month";

/** GET /producer/statements/export?month=YYYY-MM — the month's statement as CSV (the backend's bytes, BOM kept). */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireProducer(request);
  const { month, invalid } = monthFromQuery(new URL(request.url).searchParams.get("month"));
  if (invalid) throw new Response(null, { status: 400, headers: PRIVATE_HEADERS });
  const csv = await statementCsv(token, month);
  if (!csv.ok) {
    if (csv.status === 401) return expiredLogin(request, "producer");
    throw new Response(null, { status: csv.status === 403 ? 403 : 404, headers: PRIVATE_HEADERS });
  }
  return csvAttachment(csv);
}
