import type { LoaderFunctionArgs } from "@remix-run/node";
import { tradeCenter } from "~/lib/backend/trade-center-portal.server";
import { csvAttachment } from "~/lib/portal.server";
import { expiredLogin, PRIVATE_HEADERS, requireCurator } from "~/lib/session.server";

/** GET /trade-center/export — the province's certifications as a CSV download (the backend's bytes, BOM kept). */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireCurator(request);
  const csv = await tradeCenter.exportCsv(token);
  if (!csv.ok) {
    if (csv.status === 401) return expiredLogin(request, "curator");
    throw new Response(null, { status: 404, headers: PRIVATE_HEADERS });
  }
  return csvAttachment(csv);
}
