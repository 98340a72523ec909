/**
 * The order page's payment box and VNPay's hand-offs (backend routes of decision 017): how the
 * order is paid, whether the money arrived, the signed VNPay URL, VNPay's return checked.
 */
import { z } from "zod";
import type { Result } from "./client.server";
import { portalRequest } from "./portal-api.server";

const paymentSchema = z.object({
  method: z.enum(["vietqr", "vnpay", "card", "cash_on_delivery"]),
  status: z.enum(["awaiting_payment", "paid", "cancelled_unpaid", "cancelled", "cash_on_delivery"]),
  amount: z.number().int(),
  reference: z.string().nullable(),
  pay_before: z.string().nullable(),
  bank_transfer: z
    .object({
      bank_bin: z.string(),
      bank_name: z.string().nullable(),
      account_number: z.string(),
      account_name: z.string(),
      qr_payload: z.string(),
    })
    .nullable(),
});
export type OrderPayment = z.infer<typeof paymentSchema>;

type Access = { token?: string | null; key?: string | null };
const orderPath = (id: string, tail: string, key?: string | null) =>
  `/store/ocop/orders/${encodeURIComponent(id)}${tail}${key ? `?key=${encodeURIComponent(key)}` : ""}`;

export async function getOrderPayment(id: string, { token, key }: Access): Promise<OrderPayment | null> {
  const r = await portalRequest<unknown>(orderPath(id, "/payment", key), { token: token ?? undefined, store: true });
  if (!r.ok) return null;
  const parsed = z.object({ payment: paymentSchema }).safeParse(r.data);
  if (!parsed.success) {
    console.warn(`[storefront] unexpected payment answer: ${parsed.error.message}`);
    return null;
  }
  return parsed.data.payment;
}

export function vnpayRedirect(
  id: string,
  { token, key }: Access,
  locale: "vi" | "en"
): Promise<Result<{ url: string }>> {
  return portalRequest<{ url: string }>(orderPath(id, "/vnpay", null), {
    method: "POST",
    token: token ?? undefined,
    store: true,
    body: key ? { key, locale } : { locale },
  });
}

export function checkVnpayReturn(
  query: Record<string, string>
): Promise<Result<{ verified: boolean; success: boolean; order_id: string | null }>> {
  return portalRequest("/store/ocop/payments/vnpay-return", { method: "POST", store: true, body: query });
}
