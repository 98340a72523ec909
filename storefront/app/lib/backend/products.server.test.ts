// @vitest-environment node
import { describe, expect, it } from "vitest";
import { calls, fresh, product, region, stubBackend, setUpBackendEnv } from "./stub-backend.test-helper";

setUpBackendEnv();

describe("products client", () => {
  it("prices products in the VND region and caches the region", async () => {
    stubBackend((url) => {
      if (url.pathname === "/store/regions")
        return { status: 200, body: { regions: [{ id: "reg_eu", currency_code: "eur" }, region] } };
      return { status: 200, body: { products: [product], count: 1 } };
    });
    const client = await fresh(() => import("./products.server"));
    const first = await client.listProducts({ limit: 24, offset: 0 });
    await client.listProducts({ limit: 24, offset: 24 });
    expect(first.products[0].price).toEqual({ amount: 150000, varies: true });
    const productCalls = calls.filter((c) => c.url.pathname === "/store/products");
    expect(productCalls[0].url.searchParams.get("region_id")).toBe("reg_vn");
    expect(productCalls[0].url.searchParams.get("fields")).toContain("*variants.calculated_price");
    expect(productCalls[0].headers.get("x-publishable-api-key")).toBe("pk_test");
    expect(calls.filter((c) => c.url.pathname === "/store/regions")).toHaveLength(1);
  });

  it("reads the product page by handle in one priced list request, maps stock; not listed → null", async () => {
    stubBackend((url) => {
      if (url.pathname === "/store/regions") return { status: 200, body: { regions: [region] } };
      if (url.pathname === "/store/products") {
        const found = url.searchParams.get("handle") === "mat-ong";
        return { status: 200, body: { products: found ? [product] : [], count: found ? 1 : 0 } };
      }
      return { status: 500, body: { message: "unexpected " + url.pathname } };
    });
    const client = await fresh(() => import("./products.server"));
    const detail = await client.getProductByHandle("mat-ong");
    expect(detail?.variants.map((v) => v.stock)).toEqual(["low", "in_stock"]);
    const list = calls.find((c) => c.url.pathname === "/store/products");
    expect(list?.url.searchParams.get("region_id")).toBe("reg_vn");
    expect(list?.url.searchParams.get("limit")).toBe("1");
    expect(list?.url.searchParams.get("fields")).toContain("+variants.inventory_quantity");
    expect(await client.getProductByHandle("khong-co")).toBeNull();
    // one request per product page, no handle → id round trip
    expect(calls.filter((c) => c.url.pathname !== "/store/regions")).toHaveLength(2);
  });

  it("reads cart lines' English titles from the Translation Module; asks nothing for Vietnamese", async () => {
    stubBackend((url) => {
      if (url.pathname === "/store/products")
        return { status: 200, body: { products: [{ id: "prod_1", title: "Honey" }], count: 1 } };
      return { status: 500, body: { message: "unexpected " + url.pathname } };
    });
    const client = await fresh(() => import("./products.server"));
    expect((await client.productTitlesIn(["prod_1"], "vi")).size).toBe(0);
    expect(calls).toHaveLength(0);
    const titles = await client.productTitlesIn(["prod_1", "prod_gone"], "en");
    expect(titles.get("prod_1")).toBe("Honey");
    expect(titles.has("prod_gone")).toBe(false);
    expect(calls[0].headers.get("x-medusa-locale")).toBe("en-US");
    const asked = [...calls[0].url.searchParams.entries()].filter(([k]) => k.startsWith("id")).map(([, v]) => v);
    expect(asked.sort()).toEqual(["prod_1", "prod_gone"]);
  });
});
