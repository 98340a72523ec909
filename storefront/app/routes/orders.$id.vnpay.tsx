import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { vnpayRedirect } from "~/lib/backend/payments.server";
import { getLang } from "~/lib/lang.server";
import { getCustomerToken, PRIVATE_HEADERS } from "~/lib/session.server";

/**
 * "Pay with VNPay" on the order page: the backend signs a fresh VNPay URL for this order (when this
 * reader may see it and it still waits for its money) and the browser goes there.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const form = await request.formData();
  const key = String(form.get("key") ?? "") || null;
  const token = await getCustomerToken(request);
  const r = await vnpayRedirect(id, { token, key }, await getLang(request));
  const back = `/orders/${encodeURIComponent(id)}${key ? `?key=${encodeURIComponent(key)}` : ""}`;
  if (!r.ok || !/^https:\/\//.test(r.data.url)) throw redirect(back, { headers: PRIVATE_HEADERS });
  throw redirect(r.data.url, { headers: PRIVATE_HEADERS });
}

export async function loader({ params }: ActionFunctionArgs) {
  throw redirect(`/orders/${encodeURIComponent(params.id ?? "")}`, { headers: PRIVATE_HEADERS });
}
