/**
 * Placing an order: the checkout's details in one call of ours, then our completion. A 4xx
 * refusal (a revoked certificate, a sold-out product, a delivery option that is not the parcel's or
 * no longer applies, a payment the provider refused — 402 with the provider's words) comes back as
 * a Result with its code and both languages, whose message the page shows; the cart stays usable.
 */
import type { Result } from "./client.server";
import { portalRequest } from "./portal-api.server";

export type CheckoutDetails = {
  email?: string;
  full_name: string;
  phone: string;
  address: string;
  ward: string;
  province_name: string;
  /** one delivery option per producer's parcel (decision 007) */
  shipping_option_ids: string[];
  payment_provider: string;
};

export type CompletedOrder = { id: string };

/** The shopper's full name as Medusa's two fields: family name first, given name last. */
export function splitVietnameseName(fullName: string): { first_name: string; last_name: string } {
  const [first, ...rest] = fullName.trim().split(/\s+/).reverse();
  // "Nguyễn Văn An" → last "Nguyễn Văn", first "An".
  return { first_name: first ?? fullName, last_name: rest.reverse().join(" ") };
}

/**
 * Email, addresses, one delivery option per producer's parcel and the payment session are one call
 * (POST /store/ocop/checkout/:id): the backend sets them in one run and refreshes the cart once, where
 * Medusa's routes took four to five calls and a cart refresh after each (bench/RESULTS.md). Then the
 * completion (POST /store/ocop/checkout/:id/complete: Medusa's completion without its repeated reads,
 * the order split by producer in the same run, so the order page has every part; a repeat answers
 * the same order). A signed-in shopper's cart is theirs (attached at sign-in): both calls carry their token.
 */
export async function placeOrder(
  cartId: string,
  d: CheckoutDetails,
  customerToken?: string
): Promise<Result<CompletedOrder>> {
  const address = {
    ...splitVietnameseName(d.full_name),
    phone: d.phone,
    address_1: d.address,
    address_2: d.ward,
    city: d.ward,
    province: d.province_name,
    country_code: "vn",
  };
  const prepared = await portalRequest<{ cart: { id: string } }>(`/store/ocop/checkout/${encodeURIComponent(cartId)}`, {
    method: "POST",
    store: true,
    token: customerToken,
    body: {
      ...(d.email ? { email: d.email } : {}),
      shipping_address: address,
      billing_address: address,
      shipping_option_ids: d.shipping_option_ids,
      provider_id: d.payment_provider,
    },
  });
  if (!prepared.ok) return prepared;
  const done = await portalRequest<{ type: "order"; order: { id: string } }>(
    `/store/ocop/checkout/${encodeURIComponent(cartId)}/complete`,
    { method: "POST", store: true, token: customerToken, body: {} }
  );
  if (!done.ok) return done;
  return { ok: true, data: { id: done.data.order.id } };
}
