import { describe, expect, it } from "vitest";
import { robotsTxt, sitemapIndexXml, urlsetXml } from "./sitemap";
import { shortDescription } from "./meta";

describe("sitemaps", () => {
  it("lists each page in both languages with its alternates, escaped", () => {
    const xml = urlsetXml("https://cho.example", [{ path: "/products/a&b", lastmod: "2026-01-02T03:04:05Z" }]);
    expect(xml).toContain("<loc>https://cho.example/products/a&amp;b</loc>");
    expect(xml).toContain("<loc>https://cho.example/en/products/a&amp;b</loc>");
    expect(xml.match(/<url>/g)).toHaveLength(2);
    expect(xml).toContain('hreflang="x-default" href="https://cho.example/products/a&amp;b"');
    expect(xml).toContain("<lastmod>2026-01-02T03:04:05.000Z</lastmod>");
  });

  it("writes the home page as / and /en", () => {
    const xml = urlsetXml("https://cho.example", [{ path: "/" }]);
    expect(xml).toContain("<loc>https://cho.example/</loc>");
    expect(xml).toContain("<loc>https://cho.example/en</loc>");
  });

  it("indexes its files", () => {
    expect(sitemapIndexXml("https://cho.example", ["products-1.xml"])).toContain(
      "<sitemap><loc>https://cho.example/sitemaps/products-1.xml</loc></sitemap>"
    );
  });

  it("keeps robots out of the portals without hiding the producers' public pages", () => {
    const text = robotsTxt("https://cho.example");
    expect(text).toContain("Disallow: /producer/\n");
    expect(text).toContain("Disallow: /producer$\n");
    expect(text).not.toMatch(/Disallow: \/producer\n/);
    expect(text).toContain("Disallow: /en/checkout\n");
    expect(text).toContain("Sitemap: https://cho.example/sitemap.xml");
  });
});

describe("meta descriptions", () => {
  it("stay on one line and are cut at a word", () => {
    expect(shortDescription("a\n  b")).toBe("a b");
    const long = "từ ".repeat(100);
    const cut = shortDescription(long);
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut).not.toMatch(/\s…$/);
  });
});
