import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { LangContext, type Lang } from "~/lib/i18n";
import type { ProductSummary } from "~/lib/backend/views";
import { ProductCard } from "./ProductCard";
import { StarRating } from "./StarRating";
import { Price } from "./Price";

afterEach(cleanup);

function inLang(lang: Lang, ui: React.ReactNode) {
  return <LangContext.Provider value={lang}>{ui}</LangContext.Provider>;
}

describe("StarRating", () => {
  it("is announced as '4 sao' in Vietnamese", () => {
    render(inLang("vi", <StarRating stars={4} />));
    expect(screen.getByRole("img", { name: "4 sao" })).toBeTruthy();
  });

  it("is announced as '5 stars' in English", () => {
    render(inLang("en", <StarRating stars={5} />));
    expect(screen.getByRole("img", { name: "5 stars" })).toBeTruthy();
  });

  it("shows as many gold stars as the rating", () => {
    const { container } = render(inLang("vi", <StarRating stars={3} />));
    expect(container.querySelector(".text-gold-500")?.textContent).toBe("★★★");
  });
});

describe("Price", () => {
  it("says when there is no price instead of showing 0 ₫", () => {
    render(inLang("en", <Price amount={null} />));
    expect(screen.getByText("Price not available")).toBeTruthy();
  });

  it("prefixes 'Từ' when variants have different prices", () => {
    render(inLang("vi", <Price amount={85000} varies />));
    expect(screen.getByTestId("price").textContent).toBe("Từ 85.000\u00A0₫");
  });
});

describe("ProductCard", () => {
  const product: ProductSummary = {
    id: "prod_1",
    handle: "nuoc-mam-phu-quoc",
    title: "Nước mắm Phú Quốc 40 độ đạm",
    thumbnail: null,
    price: { amount: 120000, varies: false },
  };

  function renderCard(lang: Lang) {
    const Stub = createRemixStub([
      {
        path: "/",
        Component: () =>
          inLang(
            lang,
            <ProductCard
              product={product}
              listing={{
                product_id: "prod_1",
                stars: 4,
                province: { slug: "an-giang", name_vi: "An Giang" },
                group: { slug: "thuc-pham", name_vi: "Thực phẩm", name_en: "Food" },
                producer: { id: "p1", handle: "htx-a", name: "HTX Nước mắm A", entity_type: "cooperative" },
              }}
            />
          ),
      },
    ]);
    return render(<Stub />);
  }

  it("shows the title as a link to the product page and the price in VND", () => {
    renderCard("vi");
    const link = screen.getByRole("link", { name: product.title });
    expect(link.getAttribute("href")).toBe("/products/nuoc-mam-phu-quoc");
    expect(screen.getByTestId("price").textContent).toBe("120.000\u00A0₫");
  });

  it("shows stars, province, producer and a placeholder image", () => {
    renderCard("en");
    expect(screen.getByRole("img", { name: "4 stars" })).toBeTruthy();
    expect(screen.getByText("An Giang")).toBeTruthy();
    expect(screen.getByText("HTX Nước mắm A")).toBeTruthy();
    expect(screen.getByText("Food")).toBeTruthy();
    expect(screen.getByRole("img", { name: "No image yet" })).toBeTruthy();
  });
});
