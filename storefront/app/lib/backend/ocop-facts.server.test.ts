// @vitest-environment node
import { describe, expect, it, vi } from "vitest";
import { calls, fresh, stubBackend, setUpBackendEnv } from "./stub-backend.test-helper";

setUpBackendEnv();

describe("OCOP facts client", () => {
  it("asks for listings with repeated product_id parameters and keys them by product", async () => {
    stubBackend(() => ({
      status: 200,
      body: {
        listings: [
          {
            product_id: "prod_1",
            stars: 4,
            province: { slug: "ha-noi", name_vi: "Hà Nội" },
            group: null,
            producer: null,
          },
          { stars: 4, province: null },
        ],
      },
    }));
    const client = await fresh(() => import("./ocop-facts.server"));
    const listings = await client.getListings(["prod_1", "prod_2"]);
    expect(calls[0].url.searchParams.getAll("product_id")).toEqual(["prod_1", "prod_2"]);
    expect(Object.keys(listings)).toEqual(["prod_1"]);
    expect(listings.prod_1.stars).toBe(4);
  });

  it("treats the OCOP routes as optional when they answer 404 or 500", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    stubBackend((url) => ({ status: url.pathname.includes("certification") ? 404 : 500, body: { message: "x" } }));
    const client = await fresh(() => import("./ocop-facts.server"));
    expect(await client.getCertification("prod_1")).toBeNull();
    expect(await client.getListings(["prod_1"])).toEqual({});
    expect(await client.verifyCode("123/GCN")).toBeNull();
    warn.mockRestore();
  });
});
