import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { checkVnpayReturn } from "~/lib/backend/payments.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

/**
 * VNPay sends the shopper back here with its signed result in the query. The backend checks the
 * signature and names the order; the shopper lands on the order page with a clean address (nothing
 * of VNPay's answer stays in the URL to be replayed). The order turns "paid" by VNPay's IPN only.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const query: Record<string, string> = {};
  for (const [k, v] of new URL(request.url).searchParams) if (k.startsWith("vnp_") && k.length <= 40) query[k] = v;
  const r = Object.keys(query).length ? await checkVnpayReturn(query) : null;
  if (r?.ok && r.data.verified && r.data.order_id) {
    throw redirect(`/orders/${encodeURIComponent(r.data.order_id)}`, { headers: PRIVATE_HEADERS });
  }
  throw redirect("/account", { headers: PRIVATE_HEADERS });
}
