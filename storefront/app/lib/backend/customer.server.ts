/**
 * The shopper's account on Medusa's customer actor: sign-up, sign-in, password reset, profile,
 * saved addresses, order history and the order page with each producer's part. Every call goes
 * through `portalRequest` (field errors and Vietnamese refusals kept), with the store's
 * publishable key on /store routes and the shopper's token when signed in.
 */
import { z } from "zod";
import { PART_STATUSES } from "../order-parts";
import type { Result } from "./client.server";
import { login, portalRequest } from "./portal-api.server";

export type CustomerProfile = { id: string; email: string; first_name: string | null; phone: string | null };

export type SavedAddress = {
  id: string;
  full_name: string;
  phone: string | null;
  address: string;
  ward: string;
  province: string;
  province_code: string | null;
};

export type OrderSummary = {
  id: string;
  display_id: number | null;
  created_at: string | null;
  total: number;
  item_count: number;
};

const money = z.union([z.number(), z.string(), z.object({ value: z.union([z.string(), z.number()]) }).passthrough()]);
const numberOf = (v: z.infer<typeof money> | null | undefined): number =>
  v == null ? 0 : typeof v === "object" ? Number(v.value) : Number(v);

const shipmentSchema = z.object({
  carrier: z.string().nullable(),
  tracking_number: z.string().nullable(),
  shipped_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
  returned_at: z.string().nullable(),
});

const orderSchema = z.object({
  id: z.string(),
  display_id: z.number().nullable().optional(),
  created_at: z.string().nullable().optional(),
  status: z.string(),
  email: z.string().nullable().optional(),
  shipping_address: z
    .object({
      first_name: z.string().nullable().optional(),
      last_name: z.string().nullable().optional(),
      phone: z.string().nullable().optional(),
      address_1: z.string().nullable().optional(),
      address_2: z.string().nullable().optional(),
      province: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      variant_title: z.string().nullable().optional(),
      quantity: z.number(),
      unit_price: z.number(),
    })
  ),
  item_total: z.number(),
  shipping_total: z.number(),
  total: z.number(),
  cash_on_delivery: z.boolean(),
  parts: z.array(
    z.object({
      producer: z.object({ id: z.string(), name: z.string(), handle: z.string().nullable().optional() }),
      status: z.enum(PART_STATUSES),
      shipment: shipmentSchema,
      items: z.array(z.object({ id: z.string(), title: z.string(), quantity: z.number(), unit_price: z.number() })),
      subtotal: z.number(),
      shipping_total: z.number(),
    })
  ),
});
export type ShopperOrder = z.infer<typeof orderSchema>;

/** Sign-in: the customer's token (401 refusal when the email or password is wrong). */
export function signIn(email: string, password: string, clientIp?: string): Promise<Result<string>> {
  return login("customer", email, password, clientIp);
}

/**
 * Sign-up in Medusa's two steps: an auth identity (registration token), then the customer record
 * under that token; then a sign-in, for a token that names the customer.
 */
export async function signUp(
  input: { email: string; password: string; full_name: string; phone?: string },
  clientIp?: string
): Promise<Result<string>> {
  const reg = await portalRequest<{ token?: string }>("/auth/customer/emailpass/register", {
    method: "POST",
    body: { email: input.email, password: input.password },
    clientIp,
  });
  if (!reg.ok) return reg;
  const created = await portalRequest<{ customer: { id: string } }>("/store/customers", {
    method: "POST",
    token: reg.data.token,
    store: true,
    clientIp,
    body: { email: input.email, first_name: input.full_name, ...(input.phone ? { phone: input.phone } : {}) },
  });
  if (!created.ok) return created;
  return signIn(input.email, input.password, clientIp);
}

/** Asks for a reset email; the backend answers the same whether or not the account exists. */
export async function requestPasswordReset(email: string, clientIp?: string): Promise<Result<unknown>> {
  return portalRequest("/auth/customer/emailpass/reset-password", {
    method: "POST",
    body: { identifier: email },
    clientIp,
  });
}

/** Sets the new password with the emailed token (Medusa spends the token). */
export async function resetPassword(token: string, email: string, password: string, clientIp?: string) {
  return portalRequest<{ success: boolean }>("/auth/customer/emailpass/update", {
    method: "POST",
    token,
    body: { email, password },
    clientIp,
  });
}

export async function getProfile(token: string): Promise<Result<CustomerProfile>> {
  const r = await portalRequest<{ customer: CustomerProfile }>("/store/customers/me?fields=id,email,first_name,phone", {
    token,
    store: true,
  });
  return r.ok ? { ok: true, data: r.data.customer } : r;
}

type RawAddress = {
  id: string;
  first_name?: string | null;
  phone?: string | null;
  address_1?: string | null;
  address_2?: string | null;
  province?: string | null;
  metadata?: Record<string, unknown> | null;
};

const toAddress = (a: RawAddress): SavedAddress => ({
  id: a.id,
  full_name: a.first_name ?? "",
  phone: a.phone ?? null,
  address: a.address_1 ?? "",
  ward: a.address_2 ?? "",
  province: a.province ?? "",
  province_code: typeof a.metadata?.province_code === "string" ? a.metadata.province_code : null,
});

export async function listAddresses(token: string): Promise<Result<SavedAddress[]>> {
  const r = await portalRequest<{ addresses: RawAddress[] }>("/store/customers/me/addresses?limit=50", {
    token,
    store: true,
  });
  return r.ok ? { ok: true, data: r.data.addresses.map(toAddress) } : r;
}

/** Saved like checkout writes a shipping address: street, ward, province (34 units), Vietnam. */
export async function addAddress(
  token: string,
  a: { full_name: string; phone: string; address: string; ward: string; province_name: string; province_code: string }
): Promise<Result<unknown>> {
  return portalRequest("/store/customers/me/addresses", {
    method: "POST",
    token,
    store: true,
    body: {
      first_name: a.full_name,
      phone: a.phone,
      address_1: a.address,
      address_2: a.ward,
      province: a.province_name,
      country_code: "vn",
      metadata: { province_code: a.province_code },
    },
  });
}

export async function deleteAddress(token: string, id: string): Promise<Result<unknown>> {
  return portalRequest(`/store/customers/me/addresses/${encodeURIComponent(id)}`, {
    method: "DELETE",
    token,
    store: true,
  });
}

type RawOrder = {
  id: string;
  display_id?: number | null;
  created_at?: string | null;
  total?: z.infer<typeof money>;
  items?: Array<{ quantity?: z.infer<typeof money> }> | null;
};

export async function listOrders(token: string): Promise<Result<OrderSummary[]>> {
  const r = await portalRequest<{ orders: RawOrder[] }>(
    "/store/orders?limit=50&order=-created_at&fields=id,display_id,created_at,total,items.quantity",
    { token, store: true }
  );
  if (!r.ok) return r;
  return {
    ok: true,
    data: r.data.orders.map((o) => ({
      id: o.id,
      display_id: o.display_id ?? null,
      created_at: o.created_at ?? null,
      total: numberOf(o.total),
      item_count: (o.items ?? []).reduce((n, i) => n + numberOf(i.quantity), 0),
    })),
  };
}

/**
 * The order page: by the account's token, by the key of the emailed link, or (a guest order placed
 * in this browser) by id. Anything the backend does not show this reader is null.
 */
export async function getShopperOrder(
  id: string,
  { token, key }: { token?: string | null; key?: string | null }
): Promise<{ order: ShopperOrder; access: "account" | "key" | "id" } | null> {
  const query = key ? `?key=${encodeURIComponent(key)}` : "";
  const r = await portalRequest<unknown>(`/store/ocop/orders/${encodeURIComponent(id)}${query}`, {
    token: token ?? undefined,
    store: true,
  });
  if (!r.ok) return null;
  const parsed = z.object({ order: orderSchema, access: z.enum(["account", "key", "id"]) }).safeParse(r.data);
  if (!parsed.success) {
    console.warn(`[storefront] unexpected order answer: ${parsed.error.message}`);
    return null;
  }
  return parsed.data;
}

/** A guest cart becomes the signed-in shopper's (checkout then records the order on the account). */
export async function attachCart(token: string, cartId: string): Promise<Result<unknown>> {
  return portalRequest(`/store/carts/${encodeURIComponent(cartId)}/customer`, { method: "POST", token, store: true });
}
