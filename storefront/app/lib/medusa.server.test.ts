// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Handler = (url: URL, init: RequestInit) => { status: number; body: unknown };

let calls: { url: URL; headers: Headers }[] = [];

function stubBackend(handler: Handler) {
  calls = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      calls.push({ url, headers: new Headers(init.headers) });
      const { status, body } = handler(url, init);
      return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    }),
  );
}

async function loadClient() {
  vi.resetModules();
  return import("./medusa.server");
}

const region = { id: "reg_vn", currency_code: "vnd" };
const product = {
  id: "prod_1",
  handle: "mat-ong",
  title: "Mật ong",
  thumbnail: null,
  variants: [
    { id: "v1", title: "250 g", calculated_price: { calculated_amount: 150000 }, manage_inventory: true, inventory_quantity: 2 },
    { id: "v2", title: "500 g", calculated_price: { calculated_amount: 280000 }, manage_inventory: false },
  ],
};

beforeEach(() => {
  process.env.MEDUSA_PUBLISHABLE_KEY = "pk_test";
  process.env.MEDUSA_BACKEND_URL = "http://backend.test";
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("medusa.server client", () => {
  it("refuses to run without a publishable key, with a clear error code", async () => {
    delete process.env.MEDUSA_PUBLISHABLE_KEY;
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    stubBackend(() => ({ status: 200, body: {} }));
    const client = await loadClient();
    await expect(client.listProducts({ limit: 24, offset: 0 })).rejects.toMatchObject({
      data: { code: "missing_publishable_key" },
      init: { status: 503 },
    });
    expect(calls).toHaveLength(0);
    expect(error).toHaveBeenCalledWith(expect.stringContaining("MEDUSA_PUBLISHABLE_KEY"));
    error.mockRestore();
  });

  it("prices products in the VND region and caches the region", async () => {
    stubBackend((url) => {
      if (url.pathname === "/store/regions") return { status: 200, body: { regions: [{ id: "reg_eu", currency_code: "eur" }, region] } };
      return { status: 200, body: { products: [product], count: 1 } };
    });
    const client = await loadClient();
    const first = await client.listProducts({ limit: 24, offset: 0 });
    await client.listProducts({ limit: 24, offset: 24 });
    expect(first.products[0].price).toEqual({ amount: 150000, varies: true });
    const productCalls = calls.filter((c) => c.url.pathname === "/store/products");
    expect(productCalls[0].url.searchParams.get("region_id")).toBe("reg_vn");
    expect(productCalls[0].url.searchParams.get("fields")).toContain("*variants.calculated_price");
    expect(productCalls[0].headers.get("x-publishable-api-key")).toBe("pk_test");
    expect(calls.filter((c) => c.url.pathname === "/store/regions")).toHaveLength(1);
  });

  it("resolves a handle through /store/ocop/handles, reads /store/products/:id, maps stock; 404 → null", async () => {
    stubBackend((url) => {
      if (url.pathname === "/store/regions") return { status: 200, body: { regions: [region] } };
      if (url.pathname === "/store/ocop/handles/mat-ong") return { status: 200, body: { id: "prod_1" } };
      if (url.pathname.startsWith("/store/ocop/handles/")) return { status: 404, body: { message: "not listed" } };
      if (url.pathname === "/store/products/prod_1") return { status: 200, body: { product } };
      return { status: 500, body: { message: "unexpected " + url.pathname } };
    });
    const client = await loadClient();
    const detail = await client.getProductByHandle("mat-ong");
    expect(detail?.variants.map((v) => v.stock)).toEqual(["low", "in_stock"]);
    const retrieve = calls.find((c) => c.url.pathname === "/store/products/prod_1");
    expect(retrieve?.url.searchParams.get("region_id")).toBe("reg_vn");
    // never the slow list-by-handle route
    expect(calls.some((c) => c.url.pathname === "/store/products" && c.url.searchParams.has("handle"))).toBe(false);
    expect(await client.getProductByHandle("khong-co")).toBeNull();
  });

  it("reads search hits with their facts and facets, and names a refused parameter", async () => {
    stubBackend((url) => {
      if (url.searchParams.get("stars") === "7")
        return { status: 400, body: { type: "invalid_data", message: "stars must be 3, 4 or 5", errors: [{ param: "stars" }] } };
      return {
        status: 200,
        body: {
          hits: [
            {
              id: "prod_1",
              handle: "nuoc-mam",
              title: "Nước mắm",
              thumbnail: null,
              price: { amount: 150000, currency_code: "vnd" },
              stars: 5,
              province: { slug: "lam-dong", name_vi: "Lâm Đồng", former_name_vi: "Bình Thuận" },
              group: { slug: "thuc-pham", name: "Thực phẩm", subgroup: null },
              producer: { handle: "htx", name: "HTX", entity_type: "cooperative" },
            },
            { id: "broken" },
          ],
          total: 1,
          facets: { province: [{ value: "lam-dong", label: "Lâm Đồng", count: 1, selected: false }], stars: [{ value: 5, count: 1, selected: false }] },
          query: { q: "nuoc mam" },
        },
      };
    });
    const client = await loadClient();
    const ok = await client.searchCatalogue(new URLSearchParams({ q: "nuoc mam" }));
    expect(ok.ok && ok.result.products).toEqual([
      { id: "prod_1", handle: "nuoc-mam", title: "Nước mắm", thumbnail: null, price: { amount: 150000, varies: false } },
    ]);
    expect(ok.ok && ok.result.facts.prod_1.province?.former_name_vi).toBe("Bình Thuận");
    expect(ok.ok && ok.result.facets.province).toEqual([{ value: "lam-dong", label: "Lâm Đồng", count: 1 }]);
    const bad = await client.searchCatalogue(new URLSearchParams({ stars: "7" }));
    expect(bad).toMatchObject({ ok: false, reason: "bad_param", param: "stars" });
  });

  it("asks for listings with repeated product_id parameters and keys them by product", async () => {
    stubBackend(() => ({
      status: 200,
      body: {
        listings: [
          { product_id: "prod_1", stars: 4, province: { slug: "ha-noi", name_vi: "Hà Nội" }, group: null, producer: null },
          { stars: 4, province: null },
        ],
      },
    }));
    const client = await loadClient();
    const listings = await client.getListings(["prod_1", "prod_2"]);
    expect(calls[0].url.searchParams.getAll("product_id")).toEqual(["prod_1", "prod_2"]);
    expect(Object.keys(listings)).toEqual(["prod_1"]);
    expect(listings.prod_1.stars).toBe(4);
  });

  it("treats the OCOP routes as optional when they answer 404 or 500", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    stubBackend((url) => ({ status: url.pathname.includes("certification") ? 404 : 500, body: { message: "x" } }));
    const client = await loadClient();
    expect(await client.getCertification("prod_1")).toBeNull();
    expect(await client.getListings(["prod_1"])).toEqual({});
    expect(await client.verifyCode("123/GCN")).toBeNull();
    warn.mockRestore();
  });

  it("turns an unreachable backend into a 503 'backend_unavailable'", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.stubGlobal("fetch", vi.fn(async () => { throw new TypeError("fetch failed"); }));
    const client = await loadClient();
    await expect(client.listProducts({ limit: 1, offset: 0 })).rejects.toMatchObject({
      data: { code: "backend_unavailable" },
    });
    error.mockRestore();
  });
});
