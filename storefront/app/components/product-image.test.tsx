import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { LangContext } from "~/lib/i18n";
import { ProductImage } from "./ProductImage";

afterEach(cleanup);

const inVi = (ui: React.ReactNode) => <LangContext.Provider value="vi">{ui}</LangContext.Provider>;

describe("ProductImage", () => {
  it("serves an uploaded photo in the widths the layout needs", () => {
    render(inVi(<ProductImage src="/ocop/files/k-product_image-1.jpg" alt="Mật ong" sizes="50vw" />));
    const img = screen.getByRole("img", { name: "Mật ong" });
    expect(img.getAttribute("src")).toBe("/files/k-product_image-1.jpg?w=640");
    expect(img.getAttribute("srcset")).toContain("/files/k-product_image-1.jpg?w=320 320w");
    expect(img.getAttribute("sizes")).toBe("50vw");
    expect(img.getAttribute("loading")).toBe("lazy");
  });

  it("shows generated artwork from this site, at its one address", () => {
    render(inVi(<ProductImage src="http://localhost:9000/static/ocop/ma/mat-ong.svg" alt="Mật ong" sizes="50vw" />));
    const img = screen.getByRole("img", { name: "Mật ong" });
    expect(img.getAttribute("src")).toBe("/static/ocop/ma/mat-ong.svg");
    expect(img.hasAttribute("srcset")).toBe(false);
  });

  it("fetches the page's largest image first and at once", () => {
    render(inVi(<ProductImage src="/ocop/files/k-product_image-1.jpg" alt="Mật ong" priority />));
    const img = screen.getByRole("img", { name: "Mật ong" });
    expect(img.getAttribute("fetchpriority")).toBe("high");
    expect(img.getAttribute("loading")).toBe("eager");
  });
});
