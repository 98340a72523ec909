import { describe, expect, it } from "vitest";
import { imageSrcInLang, publicFileSrc } from "./file-url";
import { parseForm, productCreateSchema } from "./forms";

describe("uploaded file addresses", () => {
  it("serves a stored /ocop/files path through this site, and leaves other addresses alone", () => {
    expect(publicFileSrc("/ocop/files/1732-product_image-ab12.webp")).toBe("/files/1732-product_image-ab12.webp");
    expect(publicFileSrc("https://cdn.example.vn/a.jpg")).toBe("https://cdn.example.vn/a.jpg");
    expect(publicFileSrc(null)).toBeNull();
    expect(publicFileSrc("")).toBeNull();
  });
});

describe("generated artwork in English", () => {
  it("asks the seed's artwork for its English name on English pages only", () => {
    const art = "http://localhost:9000/static/ocop/ma/mat-hoa-dua.svg";
    expect(imageSrcInLang(art, "en")).toBe(`${art}#en`);
    expect(imageSrcInLang(art, "vi")).toBe(art);
    expect(imageSrcInLang("/files/1732-product_image-ab12.webp", "en")).toBe("/files/1732-product_image-ab12.webp");
    expect(imageSrcInLang("https://cdn.example.vn/logo.svg", "en")).toBe("https://cdn.example.vn/logo.svg");
    expect(imageSrcInLang(null, "en")).toBeNull();
  });
});

describe("the product form's price and weight", () => {
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };
  it.each(["185.000", "185000", "185.000 ₫", "185.000\u00A0₫"])("reads %s as 185 000 đồng", (price) => {
    const r = parseForm(productCreateSchema, form({ title: "Cà phê Cầu Đất", price }));
    expect(r.ok && r.data.price).toBe(185000);
  });
  it("reads grams and refuses a weight that is not whole grams", () => {
    const ok = parseForm(productCreateSchema, form({ title: "Cà phê", price: "185.000", weight: "1.000" }));
    expect(ok.ok && ok.data.weight).toBe(1000);
    const bad = parseForm(productCreateSchema, form({ title: "Cà phê", price: "185.000", weight: "0,5" }));
    expect(bad.ok ? null : bad.errors.weight).toBe("form.weight");
  });
});
