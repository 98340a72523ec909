/**
 * What every backend client in this folder shares: the SDK configured from the
 * environment, and how a failed call becomes what the page shows.
 *
 * - Core store routes go through @medusajs/js-sdk (`core`, `coreResult`).
 * - Our OCOP routes (/store/ocop/...) go through `optional`: if one is missing
 *   or fails, the caller gets null and the page still shows the core product
 *   data. Answers are validated with zod.
 *
 * Loaders and actions call the clients in this folder; nothing else talks to Medusa.
 */
import Medusa, { FetchError } from "@medusajs/js-sdk";
import { data } from "@remix-run/node";
import type { z } from "zod";
import type { Lang } from "~/lib/i18n";

export type StoreErrorCode = "missing_publishable_key" | "backend_unavailable";
export type StoreErrorData = { code: StoreErrorCode };

export function isStoreErrorData(value: unknown): value is StoreErrorData {
  return (
    typeof value === "object" &&
    value !== null &&
    ((value as StoreErrorData).code === "missing_publishable_key" ||
      (value as StoreErrorData).code === "backend_unavailable")
  );
}

export function storeError(code: StoreErrorCode, status: number) {
  return data<StoreErrorData>({ code }, { status });
}

/** MEDUSA_BACKEND_URL, or the backend's default port on this machine. */
export function backendBaseUrl(): string {
  return process.env.MEDUSA_BACKEND_URL?.trim() || "http://localhost:9000";
}

let sdk: Medusa | undefined;

/** MEDUSA_PUBLISHABLE_KEY, or a 503 page saying the store is not configured. */
export function publishableKey(): string {
  const key = process.env.MEDUSA_PUBLISHABLE_KEY?.trim();
  if (!key) {
    console.error("[storefront] MEDUSA_PUBLISHABLE_KEY is not set; the store cannot call the backend.");
    throw storeError("missing_publishable_key", 503);
  }
  return key;
}

export function getSdk(): Medusa {
  if (sdk) return sdk;
  sdk = new Medusa({
    baseUrl: backendBaseUrl(),
    publishableKey: publishableKey(),
    // Server-side only: never keep a customer token in module memory.
    auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
  });
  return sdk;
}

/** Core calls: a network failure becomes a 503 page, other errors pass through. */
export async function core<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof FetchError) {
      console.error(`[storefront] backend answered ${error.status}: ${error.message}`);
      throw storeError("backend_unavailable", 503);
    }
    if (error instanceof TypeError) {
      console.error(`[storefront] backend unreachable: ${error.message}`);
      throw storeError("backend_unavailable", 503);
    }
    throw error;
  }
}

/** Optional OCOP calls: 404 means "nothing there"; any other failure is logged and ignored. */
export async function optional<S extends z.ZodTypeAny>(path: string, schema: S): Promise<z.infer<S> | null> {
  const client = getSdk().client; // a configuration error is not optional
  let body: unknown;
  try {
    body = await client.fetch<unknown>(path, { method: "GET" });
  } catch (error) {
    if (error instanceof FetchError && error.status === 404) return null;
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[storefront] optional backend route ${path.split("?")[0]} failed: ${reason}`);
    return null;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.warn(`[storefront] unexpected answer from ${path.split("?")[0]}: ${parsed.error.message}`);
    return null;
  }
  return parsed.data;
}

/**
 * A refusal the user should read (4xx), with field errors when the backend gives them. The backend
 * gives every refusal a stable `code` and its words in both languages (`message_vi`, `message_en`;
 * plugins/ocop lib/refusal-language.ts); `message` is Medusa's own. Show it with `refusalMessage`.
 */
export type Refusal = {
  ok: false;
  status: number;
  message: string;
  errors: Record<string, string>;
  code?: string;
  message_vi?: string;
  message_en?: string;
  errors_vi?: Record<string, string>;
};
export type Result<T> = { ok: true; data: T } | Refusal;

/** The refusal's words in the page's language (Medusa's own `message` when no translation came). */
export function refusalMessage(r: Pick<Refusal, "message" | "message_vi" | "message_en">, lang: Lang): string {
  return (lang === "vi" ? r.message_vi : r.message_en) || r.message;
}

/**
 * The SDK's FetchError keeps only `message`, which for our refusals is written "vi (EN: en)":
 * the same split as the backend's `splitBilingual` (lib/refusal-language.ts in plugins/ocop).
 */
export function splitBilingual(message: string): { vi: string; en: string } | null {
  const m = /^([\s\S]*?)\s*\(EN: ([\s\S]*)\)\s*\.?\s*$/.exec(message);
  if (!m?.[1]?.trim() || !m[2]?.trim()) return null;
  return { vi: m[1].trim(), en: m[2].trim() };
}

function is4xx(error: unknown): error is FetchError & { status: number } {
  return error instanceof FetchError && typeof error.status === "number" && error.status >= 400 && error.status < 500;
}

/** Core calls whose 4xx answers are shown to the user (a network or 5xx failure is still a 503 page). */
export async function coreResult<T>(call: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    if (is4xx(error)) {
      const split = splitBilingual(error.message);
      const refusal: Refusal = { ok: false, status: error.status, message: error.message, errors: {} };
      if (split) Object.assign(refusal, { message_vi: split.vi, message_en: split.en });
      return refusal;
    }
    return core(() => Promise.reject(error));
  }
}
