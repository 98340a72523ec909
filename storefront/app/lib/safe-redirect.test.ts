import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const FALLBACK = "/producer/products";

/**
 * Known open-redirect bypasses (OWASP cheat sheet, PortSwigger, the review of issue 10), as the
 * server receives them after one round of URL decoding by the form or query parser.
 */
const REDIRECT_BYPASSES = [
  // the one the review found: Location: /\t/evil.example
  "/\t/evil.example",
  "/%09/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%0a/evil.example",
  "/%0d%0a/evil.example",
  "\t//evil.example",
  " //evil.example",
  // protocol-relative and friends
  "//evil.example",
  "///evil.example",
  "////evil.example/",
  "//evil.example/%2F..",
  // backslashes (browsers read \ as /)
  "/\\evil.example",
  "\\/evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/%5Cevil.example",
  "/%5C/evil.example",
  "%5C%5Cevil.example",
  // encoded slashes (a proxy or a second decode turns them into //)
  "%2F%2Fevil.example",
  "/%2F/evil.example",
  "/%2Fevil.example",
  "/%252F/evil.example",
  "/%25252F%25252Fevil.example",
  // dot segments that resolve to a path starting with //
  "/.//evil.example",
  "/..//evil.example",
  "/%2e%2e//evil.example",
  "/./%2F/evil.example",
  // schemes and absolute URLs
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "https://evil.example",
  "http://evil.example/producer/products",
  "https:evil.example",
  "http:/evil.example",
  "//localhost@evil.example",
  "https://localhost:3000@evil.example/",
  "evil.example",
  "@evil.example",
  // unicode look-alikes and invisible characters
  "/／evil.example",
  "／／evil.example",
  "/%EF%BC%8F/evil.example",
  "/%EF%BC%8F%EF%BC%8Fevil.example",
  "/＼evil.example",
  "/%EF%BC%BCevil.example",
  "/\u3002evil.example",
  "/\u200b/evil.example",
  "/\u2028/evil.example",
  "/\u00a0/evil.example",
  // malformed or empty
  "/%",
  "/%E0%A4%A",
  "",
  " ",
];

describe("safeRedirectPath", () => {
  it.each(REDIRECT_BYPASSES.map((v) => [JSON.stringify(v), v]))("refuses %s", (_label, value) => {
    expect(safeRedirectPath(value, FALLBACK)).toBe(FALLBACK);
  });

  it.each([
    ["/", "/"],
    ["/producer/orders", "/producer/orders"],
    ["/search?q=n%C6%B0%E1%BB%9Bc+m%E1%BA%AFm&page=2", "/search?q=n%C6%B0%E1%BB%9Bc+m%E1%BA%AFm&page=2"],
    // a shopper may search for "a/b" or "\": the query is not a place to go
    ["/search?q=a%2F%2Fb", "/search?q=a%2F%2Fb"],
    ["/search?q=%5C", "/search?q=%5C"],
    ["/products/mat-ong-rung#certificate", "/products/mat-ong-rung#certificate"],
    ["/provinces/l%C3%A2m-%C4%91%E1%BB%93ng", "/provinces/l%C3%A2m-%C4%91%E1%BB%93ng"],
    // dot segments that stay on this site come back resolved
    ["/.evil.example", "/.evil.example"],
    ["/./cart", "/cart"],
    ["/producer/../cart", "/cart"],
    ["/..", "/"],
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeRedirectPath(value, FALLBACK)).toBe(expected);
  });

  it("answers the fallback for anything that is not a string", () => {
    for (const value of [null, undefined, 42, ["/cart"], { toString: () => "/cart" }]) {
      expect(safeRedirectPath(value, FALLBACK)).toBe(FALLBACK);
    }
    expect(safeRedirectPath(null)).toBe("/");
  });

  it("refuses very long values", () => {
    expect(safeRedirectPath(`/${"a".repeat(3000)}`, FALLBACK)).toBe(FALLBACK);
  });

  it("never returns a target a browser would resolve to another host", () => {
    // Chromium-style resolution: drop tabs/newlines, read \ as / (the WHATWG URL parser does both).
    for (const value of REDIRECT_BYPASSES) {
      const target = safeRedirectPath(value, FALLBACK);
      const resolved = new URL(target, "https://cho-ocop.example/producer/login");
      expect(resolved.host, JSON.stringify(value)).toBe("cho-ocop.example");
      expect(resolved.pathname.startsWith("//"), JSON.stringify(value)).toBe(false);
    }
  });
});
