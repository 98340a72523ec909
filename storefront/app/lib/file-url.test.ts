import { describe, expect, it } from "vitest";
import { PHOTO_WIDTHS, imageSrcInLang, photoSrcSet, publicFileSrc, sameSiteArtwork } from "./file-url";
import { parseForm, productCreateSchema } from "./forms";

describe("uploaded file addresses", () => {
  it("serves a stored /ocop/files path through this site, and leaves other addresses alone", () => {
    expect(publicFileSrc("/ocop/files/1732-product_image-ab12.webp")).toBe("/files/1732-product_image-ab12.webp");
    expect(publicFileSrc("https://cdn.example.vn/a.jpg")).toBe("https://cdn.example.vn/a.jpg");
    expect(publicFileSrc(null)).toBeNull();
    expect(publicFileSrc("")).toBeNull();
  });
});

describe("uploaded photos in the width shown", () => {
  it("offers an uploaded photo in every resized width, with a middle-sized fallback", () => {
    const set = photoSrcSet("/files/1732-product_image-ab12.jpg");
    expect(set?.fallback).toBe("/files/1732-product_image-ab12.jpg?w=640");
    expect(set?.srcSet.split(", ")).toEqual(PHOTO_WIDTHS.map((w) => `/files/1732-product_image-ab12.jpg?w=${w} ${w}w`));
  });
  it("leaves artwork, other hosts and documents at their one address", () => {
    expect(photoSrcSet("http://localhost:9000/static/ocop/ma/mat-hoa-dua.svg")).toBeNull();
    expect(photoSrcSet("https://cdn.example.vn/a.jpg")).toBeNull();
    expect(photoSrcSet("/files/1732-certificate-ab12.pdf")).toBeNull();
  });
});

describe("generated artwork through this site", () => {
  it("shows the backend's artwork at this site's /static/ocop, and nothing else moves", () => {
    expect(sameSiteArtwork("http://localhost:9000/static/ocop/ma/mat-hoa-dua.svg")).toBe(
      "/static/ocop/ma/mat-hoa-dua.svg"
    );
    expect(sameSiteArtwork("https://cdn.example.vn/static/other/a.svg")).toBe(
      "https://cdn.example.vn/static/other/a.svg"
    );
    expect(sameSiteArtwork("/files/1732-product_image-ab12.webp")).toBe("/files/1732-product_image-ab12.webp");
    expect(sameSiteArtwork(null)).toBeNull();
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
