/** What both portals (producer, trade centre) share: the typed fetch of their routes, and login. */
import { isIP } from "node:net";
import { backendBaseUrl, publishableKey, type Refusal, storeError, type Result } from "./client.server";
import type { TeamMember } from "./views";

/**
 * The portal routes (/auth, /producers, /vendor, /trade-center) answer field
 * errors as `{ errors: { field: message } }`, which the SDK's FetchError drops,
 * so they go through this typed fetch with the user's bearer token.
 */
export async function portalRequest<T>(
  path: string,
  {
    method = "GET",
    token,
    body,
    clientIp,
    store,
    idempotencyKey,
  }: {
    method?: "GET" | "POST" | "DELETE";
    token?: string;
    body?: unknown;
    clientIp?: string;
    store?: boolean;
    idempotencyKey?: string;
  } = {}
): Promise<Result<T>> {
  const base = backendBaseUrl();
  const headers: Record<string, string> = { accept: "application/json" };
  if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
  // /store routes (the shopper's account) need the storefront's publishable key.
  if (store) headers["x-publishable-api-key"] = publishableKey();
  if (token) headers.authorization = `Bearer ${token}`;
  // The backend limits logins and sign-ups per address: without the shopper's, all would share ours.
  if (clientIp && isIP(clientIp)) headers["x-forwarded-for"] = clientIp;
  if (body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    console.error(`[storefront] backend unreachable: ${error instanceof Error ? error.message : String(error)}`);
    throw storeError("backend_unavailable", 503);
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return { ok: true, data: json as T };
  if (res.status >= 500) {
    console.error(`[storefront] ${method} ${path.split("?")[0]} answered ${res.status}: ${String(json.message ?? "")}`);
    throw storeError("backend_unavailable", 503);
  }
  return refusalFrom(res, json);
}

/** A portal route's 4xx answer as a Refusal: its message and field errors, its code and both languages. */
export function refusalFrom(res: Response, json: Record<string, unknown>): Refusal {
  const refusal: Refusal = {
    ok: false,
    status: res.status,
    message: typeof json.message === "string" ? json.message : res.statusText,
    errors: fieldMessages(json.errors),
  };
  // Every refusal also comes with a code and both languages; field errors in Vietnamese on our routes.
  if (typeof json.code === "string") refusal.code = json.code;
  if (typeof json.message_vi === "string") refusal.message_vi = json.message_vi;
  if (typeof json.message_en === "string") refusal.message_en = json.message_en;
  if (json.errors_vi && typeof json.errors_vi === "object") refusal.errors_vi = fieldMessages(json.errors_vi);
  return refusal;
}

/**
 * A portal's team of logins at `path` (/vendor/members, /trade-center/curators), whose list comes
 * under `listKey`: list it, invite a login with its first password, remove one.
 */
export function portalTeam(path: string, listKey: string) {
  return {
    async list(token: string): Promise<Result<TeamMember[]>> {
      const r = await portalRequest<Record<string, TeamMember[] | undefined>>(path, { token });
      return r.ok ? { ok: true, data: r.data[listKey] ?? [] } : r;
    },
    invite: (token: string, email: string, password: string) =>
      portalRequest<unknown>(path, { method: "POST", token, body: { email, password } }),
    remove: (token: string, id: string) =>
      portalRequest<{ id: string; deleted: boolean }>(`${path}/${encodeURIComponent(id)}`, { method: "DELETE", token }),
  };
}

export type CsvDownload = { ok: true; body: ArrayBuffer; filename: string } | { ok: false; status: number };

/** A CSV a portal route makes (UTF-8 with BOM), passed through untouched, with the backend's file name. */
export async function portalCsv(token: string, path: string, fallbackFilename: string): Promise<CsvDownload> {
  let res: Response;
  try {
    res = await fetch(`${backendBaseUrl()}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: "text/csv" },
    });
  } catch {
    throw storeError("backend_unavailable", 503);
  }
  if (res.status >= 500) throw storeError("backend_unavailable", 503);
  if (!res.ok) return { ok: false, status: res.status };
  const disposition = res.headers.get("content-disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackFilename;
  return { ok: true, body: await res.arrayBuffer(), filename };
}

function fieldMessages(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === "string") out[k] = v;
  }
  return out;
}

export type Actor = "producer" | "curator";

/** A portal login; `clientIp` is the shopper's address, for the backend's per-address limit. */
export async function login(
  actor: Actor | "customer",
  email: string,
  password: string,
  clientIp?: string
): Promise<Result<string>> {
  const r = await portalRequest<{ token?: string }>(`/auth/${actor}/emailpass`, {
    method: "POST",
    body: { email, password },
    clientIp,
  });
  if (!r.ok) return r;
  if (!r.data.token) return { ok: false, status: 401, message: "", errors: {} };
  return { ok: true, data: r.data.token };
}
