// @vitest-environment node
import { describe, expect, it } from "vitest";
import { fresh, stubBackend, setUpBackendEnv } from "./stub-backend.test-helper";

setUpBackendEnv();

describe("search client", () => {
  it("reads search hits with their facts and facets, and names a refused parameter", async () => {
    stubBackend((url) => {
      if (url.searchParams.get("stars") === "7")
        return {
          status: 400,
          body: { type: "invalid_data", message: "stars must be 3, 4 or 5", errors: [{ param: "stars" }] },
        };
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
          facets: {
            province: [{ value: "lam-dong", label: "Lâm Đồng", count: 1, selected: false }],
            stars: [{ value: 5, count: 1, selected: false }],
          },
          query: { q: "nuoc mam" },
        },
      };
    });
    const client = await fresh(() => import("./search.server"));
    const ok = await client.searchCatalogue(new URLSearchParams({ q: "nuoc mam" }));
    expect(ok.ok && ok.result.products).toEqual([
      {
        id: "prod_1",
        handle: "nuoc-mam",
        title: "Nước mắm",
        thumbnail: null,
        price: { amount: 150000, varies: false },
      },
    ]);
    expect(ok.ok && ok.result.facts.prod_1.province?.former_name_vi).toBe("Bình Thuận");
    expect(ok.ok && ok.result.facets.province).toEqual([{ value: "lam-dong", label: "Lâm Đồng", count: 1 }]);
    const bad = await client.searchCatalogue(new URLSearchParams({ stars: "7" }));
    expect(bad).toMatchObject({ ok: false, reason: "bad_param", param: "stars" });
  });
});
