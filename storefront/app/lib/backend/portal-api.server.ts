/** What both portals (producer, trade centre) share: the typed fetch of their routes, and login. */
import { backendBaseUrl, storeError, type Result } from "./client.server";

/**
 * The portal routes (/auth, /producers, /vendor, /trade-center) answer field
 * errors as `{ errors: { field: message } }`, which the SDK's FetchError drops,
 * so they go through this typed fetch with the user's bearer token.
 */
export async function portalRequest<T>(
  path: string,
  { method = "GET", token, body }: { method?: "GET" | "POST"; token?: string; body?: unknown } = {}
): Promise<Result<T>> {
  const base = backendBaseUrl();
  const headers: Record<string, string> = { accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
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
  const errors: Record<string, string> = {};
  if (json.errors && typeof json.errors === "object") {
    for (const [k, v] of Object.entries(json.errors as Record<string, unknown>))
      if (typeof v === "string") errors[k] = v;
  }
  return {
    ok: false,
    status: res.status,
    message: typeof json.message === "string" ? json.message : res.statusText,
    errors,
  };
}

export type Actor = "producer" | "curator";

export async function login(actor: Actor, email: string, password: string): Promise<Result<string>> {
  const r = await portalRequest<{ token?: string }>(`/auth/${actor}/emailpass`, {
    method: "POST",
    body: { email, password },
  });
  if (!r.ok) return r;
  if (!r.data.token) return { ok: false, status: 401, message: "", errors: {} };
  return { ok: true, data: r.data.token };
}
