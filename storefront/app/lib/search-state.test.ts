import { describe, expect, it } from "vitest";
import {
  EMPTY_STATE,
  activeFilters,
  foldAccents,
  parseSearchState,
  searchHref,
  serializeSearchState,
  toApiParams,
  toggle,
  withState,
} from "./search-state";

describe("parseSearchState", () => {
  it("reads every parameter of a shared URL", () => {
    const s = parseSearchState(
      "q=n%C6%B0%E1%BB%9Bc+m%E1%BA%AFm&province=lam-dong&group=thuc-pham&subgroup=gia-vi&stars=4&stars=5&min_price=100000&max_price=200000&producer_type=cooperative&sort=price_asc&page=3"
    );
    expect(s).toEqual({
      q: "nước mắm",
      province: "lam-dong",
      group: "thuc-pham",
      subgroup: "gia-vi",
      stars: [5, 4],
      minPrice: 100000,
      maxPrice: 200000,
      producerTypes: ["cooperative"],
      sort: "price_asc",
      page: 3,
    });
  });

  it("gives the empty state for an empty URL", () => {
    expect(parseSearchState("")).toEqual(EMPTY_STATE);
  });

  it("drops malformed values instead of failing (old or hand-edited bookmarks)", () => {
    const s = parseSearchState(
      "stars=7&stars=x&stars=3&sort=cheapest&page=-2&min_price=abc&producer_type=pirate&province=%3Cscript%3E&group=Thuc+Pham"
    );
    expect(s.stars).toEqual([3]);
    expect(s.sort).toBe("relevance");
    expect(s.page).toBe(1);
    expect(s.minPrice).toBeNull();
    expect(s.producerTypes).toEqual([]);
    expect(s.province).toBeNull();
    expect(s.group).toBeNull();
  });

  it("accepts comma lists, Vietnamese thousands separators and swaps a reversed price range", () => {
    const s = parseSearchState("stars=5,4,4&min_price=500.000&max_price=100000");
    expect(s.stars).toEqual([5, 4]);
    expect(s).toMatchObject({ minPrice: 100000, maxPrice: 500000 });
  });

  it("normalises the query to NFC and trims it to 200 characters", () => {
    const decomposed = "Nước mắm".normalize("NFD");
    expect(parseSearchState(new URLSearchParams({ q: `  ${decomposed}   ` })).q).toBe("Nước mắm");
    expect(parseSearchState(new URLSearchParams({ q: "a".repeat(500) })).q).toHaveLength(200);
  });
});

describe("serializeSearchState", () => {
  it("is canonical: fixed order, defaults left out", () => {
    const s = { ...EMPTY_STATE, q: "trà", stars: [4, 5], sort: "stars" as const, page: 2 };
    expect(serializeSearchState(s)).toBe("q=tr%C3%A0&stars=5&stars=4&sort=stars&page=2");
    expect(serializeSearchState(EMPTY_STATE)).toBe("");
  });

  it("round-trips through parse", () => {
    const url =
      "q=mat+ong&province=ha-noi&stars=5&stars=3&min_price=0&max_price=90000&producer_type=household&sort=newest&page=4";
    expect(serializeSearchState(parseSearchState(url))).toBe(url);
  });

  it("leaves out parameters a page fixes in its path", () => {
    const s = { ...EMPTY_STATE, province: "lam-dong", stars: [5] };
    expect(searchHref("/provinces/lam-dong", s, ["province"])).toBe("/provinces/lam-dong?stars=5");
    expect(searchHref("/search", EMPTY_STATE)).toBe("/search");
  });
});

describe("state changes", () => {
  it("goes back to page 1 when a filter changes", () => {
    const s = { ...EMPTY_STATE, page: 5 };
    expect(withState(s, { stars: [5] })).toMatchObject({ page: 1, stars: [5] });
    expect(toggle([5, 4], 4)).toEqual([5]);
    expect(toggle([5], 4)).toEqual([5, 4]);
  });

  it("lists active filters with the state that removes each one", () => {
    const s = parseSearchState("q=tra&group=do-uong&subgroup=tra&stars=5&stars=4");
    const active = activeFilters(s);
    expect(active.map((f) => `${f.key}:${f.value}`)).toEqual(["group:do-uong", "subgroup:tra", "stars:5", "stars:4"]);
    // dropping the group drops its subgroup too; the query stays
    expect(serializeSearchState(active[0].without)).toBe("q=tra&stars=5&stars=4");
    expect(serializeSearchState(active[2].without)).toBe("q=tra&group=do-uong&subgroup=tra&stars=4");
  });

  it("builds the backend's query parameters", () => {
    const p = toApiParams(parseSearchState("q=ca+phe&stars=5&page=2&sort=price_desc"), { limit: 24, locale: "en" });
    expect(p.toString()).toBe("q=ca+phe&stars=5&sort=price_desc&page=2&limit=24&locale=en");
  });
});

describe("foldAccents", () => {
  it("removes Vietnamese diacritics, đ included", () => {
    expect(foldAccents("Nước mắm Đà Nẵng")).toBe("Nuoc mam Da Nang");
    expect(foldAccents("đặc sản")).toBe("dac san");
  });
});
