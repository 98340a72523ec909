/** The producer portal's backend calls: sign-up, profile, products, certification, orders. */
import type { Result } from "./client.server";
import { login, portalRequest } from "./portal-api.server";
import type { ProducerProfile, VendorOrder, VendorProduct } from "./views";

/**
 * Register a producer login, create its producer (pending) and log in as it. `clientIp` is the
 * shopper's address, for the backend's per-address limits on these three calls.
 */
export async function signUpProducer(
  input: {
    email: string;
    password: string;
    name: string;
    entity_type: string;
    province_code: string;
    phone: string;
    ward?: string;
    address?: string;
    story?: string;
  },
  clientIp?: string
): Promise<Result<{ token: string; producer: ProducerProfile }>> {
  const { email, password, ...producer } = input;
  const reg = await portalRequest<{ token: string }>("/auth/producer/emailpass/register", {
    method: "POST",
    body: { email, password },
    clientIp,
  });
  if (!reg.ok) return reg;
  const made = await portalRequest<{ producer: ProducerProfile }>("/producers/signup", {
    method: "POST",
    token: reg.data.token,
    body: { ...producer, email },
    clientIp,
  });
  if (!made.ok) return made;
  const token = await login("producer", email, password, clientIp);
  if (!token.ok) return token;
  return { ok: true, data: { token: token.data, producer: made.data.producer } };
}

export const vendor = {
  me: (token: string) => portalRequest<{ producer: ProducerProfile }>("/vendor/me", { token }),
  updateMe: (token: string, body: Record<string, unknown>) =>
    portalRequest<{ producer: ProducerProfile }>("/vendor/me", { method: "POST", token, body }),
  products: (token: string, { limit = 50, offset = 0 } = {}) =>
    portalRequest<{ products: VendorProduct[]; count: number }>(`/vendor/products?limit=${limit}&offset=${offset}`, {
      token,
    }),
  product: (token: string, id: string) =>
    portalRequest<{ product: VendorProduct }>(`/vendor/products/${encodeURIComponent(id)}`, { token }),
  createProduct: (token: string, body: Record<string, unknown>) =>
    portalRequest<{ product: VendorProduct }>("/vendor/products", { method: "POST", token, body }),
  updateProduct: (token: string, id: string, body: Record<string, unknown>) =>
    portalRequest<{ product: VendorProduct }>(`/vendor/products/${encodeURIComponent(id)}`, {
      method: "POST",
      token,
      body,
    }),
  submitCertification: (token: string, body: Record<string, unknown>) =>
    portalRequest<{ certification: { id: string } }>("/vendor/certifications", { method: "POST", token, body }),
  orders: (token: string) => portalRequest<{ orders: VendorOrder[]; count: number }>("/vendor/orders", { token }),
  fulfil: (token: string, orderId: string) =>
    portalRequest<{ fulfillment: { id: string } }>(`/vendor/orders/${encodeURIComponent(orderId)}/fulfillments`, {
      method: "POST",
      token,
      body: {},
    }),
};
