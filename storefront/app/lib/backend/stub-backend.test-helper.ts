/**
 * Test support for the backend clients: a stubbed global fetch that records each call
 * (the SDK and the portal fetch both go through it), the environment the clients
 * read, and a product priced in a VND region.
 */
import { afterEach, beforeEach, vi } from "vitest";

export type Handler = (url: URL, init: RequestInit) => { status: number; body: unknown };

/** The calls the stubbed backend received since the last `stubBackend`. */
export const calls: { url: URL; method: string; headers: Headers; body: unknown }[] = [];

export function stubBackend(handler: Handler) {
  calls.length = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const sent = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
      calls.push({ url, method: init.method ?? "GET", headers: new Headers(init.headers), body: sent });
      const { status, body } = handler(url, init);
      return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    })
  );
}

/** The module imported afresh: the SDK and the VND region are cached for the life of a module. */
export async function fresh<T>(load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  return load();
}

/** A publishable key and backend URL before each test; the real fetch back after it. */
export function setUpBackendEnv() {
  beforeEach(() => {
    process.env.MEDUSA_PUBLISHABLE_KEY = "pk_test";
    process.env.MEDUSA_BACKEND_URL = "http://backend.test";
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
}

export const region = { id: "reg_vn", currency_code: "vnd" };
export const product = {
  id: "prod_1",
  handle: "mat-ong",
  title: "Mật ong",
  thumbnail: null,
  variants: [
    {
      id: "v1",
      title: "250 g",
      calculated_price: { calculated_amount: 150000 },
      manage_inventory: true,
      inventory_quantity: 2,
    },
    { id: "v2", title: "500 g", calculated_price: { calculated_amount: 280000 }, manage_inventory: false },
  ],
};
