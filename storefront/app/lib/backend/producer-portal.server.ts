/** The producer portal's backend calls: sign-up, profile, products, certification, orders. */
import { backendBaseUrl, storeError, type Result } from "./client.server";
import { login, portalRequest, portalTeam, refusalFrom } from "./portal-api.server";
import type { ProducerDashboard, ProducerProfile, VendorCertification, VendorOrder, VendorProduct } from "./views";

export type UploadPurpose = "product_image" | "logo" | "certificate_scan";
export type VendorUpload = { id: string; purpose: UploadPurpose; mime_type: string; size: number; url: string };

/**
 * Sends one file to POST /vendor/uploads (multipart). The backend sniffs, re-encodes and refuses
 * (400 naming `file` or `purpose`, in both languages); this only forwards the bytes.
 */
export async function uploadFile(token: string, purpose: UploadPurpose, file: File): Promise<Result<VendorUpload>> {
  const body = new FormData();
  body.append("purpose", purpose);
  body.append("file", file, file.name || "file");
  let res: Response;
  try {
    res = await fetch(`${backendBaseUrl()}/vendor/uploads`, {
      method: "POST",
      headers: { accept: "application/json", authorization: `Bearer ${token}` },
      body,
    });
  } catch (error) {
    console.error(`[storefront] backend unreachable: ${error instanceof Error ? error.message : String(error)}`);
    throw storeError("backend_unavailable", 503);
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return { ok: true, data: (json as { upload: VendorUpload }).upload };
  if (res.status >= 500) throw storeError("backend_unavailable", 503);
  return refusalFrom(res, json);
}

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
    portalRequest<{ certification: VendorCertification }>("/vendor/certifications", { method: "POST", token, body }),
  certifications: (token: string) =>
    portalRequest<{ certifications: VendorCertification[] }>("/vendor/certifications", { token }),
  /** The shop's logins: the owner and the members it invited. */
  team: portalTeam("/vendor/members", "members"),
  dashboard: (token: string) => portalRequest<{ dashboard: ProducerDashboard }>("/vendor/dashboard", { token }),
  orders: (token: string) => portalRequest<{ orders: VendorOrder[]; count: number }>("/vendor/orders", { token }),
  fulfil: (token: string, orderId: string) =>
    portalRequest<{ fulfillment: { id: string } }>(`/vendor/orders/${encodeURIComponent(orderId)}/fulfillments`, {
      method: "POST",
      token,
      body: {},
    }),
};
