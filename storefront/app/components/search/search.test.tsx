import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { LangContext, type Lang } from "~/lib/i18n";
import type { SearchResult } from "~/lib/backend/views";
import { parseSearchState, type SearchPageData, type SearchState } from "~/lib/search-state";
import { highlightParts } from "./SearchBox";
import { SearchFacets } from "./SearchFacets";
import { EmptyResults } from "./SearchView";

afterEach(cleanup);

const facets: SearchResult["facets"] = {
  province: [
    { value: "lam-dong", label: "Lâm Đồng", count: 23 },
    { value: "an-giang", label: "An Giang", count: 4 },
  ],
  group: [{ value: "thuc-pham", label: "Thực phẩm", count: 19 }],
  subgroup: [{ value: "gia-vi", label: "Gia vị", count: 5 }],
  stars: [
    { value: 5, count: 0 },
    { value: 4, count: 6 },
    { value: 3, count: 17 },
  ],
  producer_type: [
    { value: "cooperative", count: 5 },
    { value: "enterprise", count: 11 },
  ],
  price: { min: 50000, max: 1500000 },
};

function renderAt(lang: Lang, ui: () => React.ReactNode) {
  const Stub = createRemixStub([
    { path: "/search", Component: () => <LangContext.Provider value={lang}>{ui()}</LangContext.Provider> },
  ]);
  return render(<Stub initialEntries={["/search"]} />);
}

function renderFacets(state: SearchState, lang: Lang = "vi", fixed: (keyof SearchState)[] = [], basePath = "/search") {
  return renderAt(lang, () => <SearchFacets state={state} facets={facets} fixed={fixed} basePath={basePath} />);
}

describe("SearchFacets", () => {
  it("shows stars as ★ with their counts, announced as 'n sao', and ticks the selected ones", () => {
    renderFacets(parseSearchState("q=tra&stars=4"));
    const stars = screen.getByTestId("facet-stars");
    const four = within(stars).getByRole("checkbox", { name: /4 sao/ }) as HTMLInputElement;
    expect(four.checked).toBe(true);
    expect(four.value).toBe("4");
    expect(stars.textContent).toContain("★★★★★");
    // no product at 5 stars under the other filters: cannot be ticked
    expect((within(stars).getByRole("checkbox", { name: /5 sao/ }) as HTMLInputElement).disabled).toBe(true);
    expect(within(stars).getByText("17 sản phẩm")).toBeTruthy();
  });

  it("is a GET form to the page that keeps the query and sort as hidden fields", () => {
    const { container } = renderFacets(parseSearchState("q=tra&sort=newest&province=lam-dong"));
    const form = screen.getByTestId("search-facets") as HTMLFormElement;
    expect(form.getAttribute("method")).toBe("get");
    expect(form.getAttribute("action")).toBe("/search");
    const hidden = [...container.querySelectorAll('input[type="hidden"]')].map(
      (i) => `${(i as HTMLInputElement).name}=${(i as HTMLInputElement).value}`
    );
    expect(hidden).toEqual(["q=tra", "province=lam-dong", "sort=newest"]);
    expect(screen.getByRole("button", { name: "Áp dụng" })).toBeTruthy();
  });

  it("links single-choice facets with counts; the selected one links to its removal and to its page", () => {
    renderFacets(parseSearchState("q=tra&province=lam-dong&page=3"));
    const provinces = screen.getByTestId("facet-province");
    const lamDong = within(provinces).getByRole("link", { name: /^Lâm Đồng/ });
    expect(lamDong.getAttribute("aria-current")).toBe("true");
    expect(lamDong.getAttribute("href")).toBe("/search?q=tra");
    const anGiang = within(provinces).getByRole("link", { name: /An Giang/ });
    expect(anGiang.getAttribute("href")).toBe("/search?q=tra&province=an-giang");
    expect(within(provinces).getByRole("link", { name: "Xem trang Lâm Đồng" }).getAttribute("href")).toBe(
      "/provinces/lam-dong"
    );
  });

  it("hides the facet a page fixes, and its links keep the page path", () => {
    renderFacets(parseSearchState("province=lam-dong"), "en", ["province"], "/provinces/binh-thuan");
    expect(screen.queryByTestId("facet-province")).toBeNull();
    const food = within(screen.getByTestId("facet-group")).getByRole("link", { name: /Thực phẩm/ });
    expect(food.getAttribute("href")).toBe("/provinces/binh-thuan?group=thuc-pham");
    expect(screen.getByRole("checkbox", { name: /4 stars/ })).toBeTruthy();
    expect(screen.getByRole("checkbox", { name: /Enterprise/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Apply" })).toBeTruthy();
  });
});

function viewData(query: string, result: Partial<SearchResult> = {}): SearchPageData {
  return {
    state: parseSearchState(query),
    fixed: [],
    basePath: "/search",
    result: {
      products: [],
      facts: {},
      total: 0,
      facets,
      province: null,
      corrected: {},
      ...result,
    },
    unavailable: false,
    dropped: null,
    pages: 1,
  };
}

describe("EmptyResults", () => {
  it("offers to drop each filter, to search without accents, with fewer words, and popular searches", () => {
    renderAt("vi", () => <EmptyResults data={viewData("q=n%C6%B0%E1%BB%9Bc+m%E1%BA%AFm+xyz&stars=5")} />);
    expect(screen.getByRole("link", { name: "Bỏ lọc 5 sao" }).getAttribute("href")).toBe(
      "/search?q=n%C6%B0%E1%BB%9Bc+m%E1%BA%AFm+xyz"
    );
    expect(screen.getByRole("link", { name: "Thử tìm không dấu: nuoc mam xyz" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Thử tìm ngắn hơn: nước mắm" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "mật ong" }).getAttribute("href")).toBe("/search?q=m%E1%BA%ADt%20ong");
  });

  it("speaks English on English pages", () => {
    renderAt("en", () => (
      <EmptyResults
        data={viewData("q=tra&province=lam-dong", {
          province: { slug: "lam-dong", name_vi: "Lâm Đồng", former_name_vi: null },
        })}
      />
    ));
    expect(screen.getByRole("heading", { name: "No matching products" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Remove filter Lâm Đồng" })).toBeTruthy();
    expect(screen.getByText("Popular searches")).toBeTruthy();
  });
});

describe("highlightParts", () => {
  it("splits <mark> highlights into text parts and never passes other markup through", () => {
    expect(highlightParts("<mark>Mật</mark> ong <b>x</b>")).toEqual([
      { text: "Mật", mark: true },
      { text: " ong x", mark: false },
    ]);
  });
});
