// @vitest-environment node
import type { AddressInfo } from "node:net";
// @ts-expect-error compression ships no types (the server that uses it is plain JavaScript)
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE_CACHE_CONTROL, hasSession, pageCaching, pageClass, pageEtag } from "./cache.mjs";

describe("page classes", () => {
  it.each([
    ["/", "catalogue"],
    ["/en", "catalogue"],
    ["/_root.data", "catalogue"],
    ["/en.data", "catalogue"],
    ["/search", "catalogue"],
    ["/en/search.data", "catalogue"],
    ["/provinces/lam-dong", "catalogue"],
    ["/groups/thuc-pham", "catalogue"],
    ["/producers/htx-a", "catalogue"],
    ["/en/products/mat-ong", "catalogue"],
    ["/products/mat-ong/", "catalogue"],
    ["/cart", "personal"],
    ["/en/checkout", "personal"],
    ["/account/addresses", "personal"],
    ["/orders/order_1", "personal"],
    ["/producer/products", "personal"],
    ["/trade-center", "personal"],
    ["/verify", "other"],
    ["/sitemap.xml", "other"],
    ["/products", "other"],
    ["/english", "other"],
  ])("%s is %s", (path, kind) => {
    expect(pageClass(path)).toBe(kind);
  });

  it("a session is the __ocop cookie only", () => {
    expect(hasSession("lang=en; __ocop=abc")).toBe(true);
    expect(hasSession("lang=en; x__ocop=abc")).toBe(false);
    expect(hasSession(undefined)).toBe(false);
  });

  it("the ETag ignores the CSP nonce but not the content", () => {
    const a = pageEtag(Buffer.from('<script nonce="AAA">x</script>'), "AAA");
    expect(pageEtag(Buffer.from('<script nonce="BBB">x</script>'), "BBB")).toBe(a);
    expect(pageEtag(Buffer.from('<script nonce="BBB">y</script>'), "BBB")).not.toBe(a);
  });
});

describe("pageCaching behind compression", () => {
  let base = "";
  let server: { close: () => void };
  let renders = 0;
  beforeAll(async () => {
    const app = express();
    app.set("etag", false); // Remix streams: Express never tags its pages itself
    app.use((_req, res, next) => {
      res.locals.cspNonce = `nonce${++renders}`;
      res.setHeader("Content-Security-Policy", `script-src 'nonce-${res.locals.cspNonce}'`);
      next();
    });
    app.use(compression());
    app.use(pageCaching());
    app.get("/", (_req, res) => {
      res.setHeader("Content-Type", "text/html");
      // Streamed in pieces, as Remix does.
      res.write(`<script nonce="${res.locals.cspNonce}">1</script>`);
      res.end("x".repeat(5000));
    });
    app.get("/products/:handle", (req, res) => {
      if (req.params.handle === "gone") return res.status(404).send("not found");
      res.setHeader("Set-Cookie", "__ocop=1");
      res.send("with a cookie");
    });
    app.get("/cart", (_req, res) => {
      res.setHeader("Cache-Control", "public, max-age=60");
      res.send("cart");
    });
    const listening = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => listening.once("listening", resolve));
    server = listening;
    base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it("shares an anonymous catalogue page and answers a matching ETag with 304, without a CSP", async () => {
    const first = await fetch(`${base}/`, { headers: { "accept-encoding": "gzip" } });
    expect(first.headers.get("cache-control")).toBe(CATALOGUE_CACHE_CONTROL);
    expect(first.headers.get("content-encoding")).toBe("gzip");
    expect(first.headers.get("vary")).toMatch(/Cookie/);
    expect(await first.text()).toContain("x".repeat(5000));
    const etag = first.headers.get("etag") as string;
    const again = await fetch(`${base}/`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("content-security-policy")).toBeNull();
    expect(await again.text()).toBe("");
  });

  it("never shares a page for a visitor with a session, one that sets a cookie, or a personal page", async () => {
    const withSession = await fetch(`${base}/`, { headers: { cookie: "__ocop=abc" } });
    expect(withSession.headers.get("cache-control")).toBe("private, no-store");
    expect(withSession.headers.get("etag")).toBeNull();
    const settingCookie = await fetch(`${base}/products/x`);
    expect(settingCookie.headers.get("cache-control")).toBe("private, no-store");
    expect(settingCookie.headers.get("etag")).toBeNull();
    const cart = await fetch(`${base}/cart`);
    expect(cart.headers.get("cache-control")).toBe("private, no-store");
  });

  it("does not share an error page", async () => {
    const gone = await fetch(`${base}/products/gone`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("cache-control") ?? "").not.toMatch(/public/);
    expect(gone.headers.get("etag")).toBeNull();
  });
});
