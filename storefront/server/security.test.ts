// @vitest-environment node
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CROSS_SITE_REFUSAL, cspNonce, isCrossSiteWrite, refuseCrossSiteWrites, securityHeaders } from "./security.mjs";

const HOST = "cho-ocop.example";

describe("isCrossSiteWrite", () => {
  it.each([
    // Sec-Fetch-Site decides when present
    ["POST", "cross-site", null, true],
    ["POST", "same-site", null, true],
    ["POST", "cross-site", `https://${HOST}`, true],
    ["POST", "same-origin", null, false],
    ["POST", "same-origin", "https://evil.example", false],
    ["POST", "none", null, false],
    ["PUT", "cross-site", null, true],
    ["DELETE", "cross-site", null, true],
    ["PATCH", "cross-site", null, true],
    ["post", "cross-site", null, true],
    // otherwise Origin against Host
    ["POST", null, "https://evil.example", true],
    ["POST", null, `https://${HOST}.evil.example`, true],
    ["POST", null, `https://evil.example/${HOST}`, true],
    ["POST", null, "null", true],
    ["POST", null, "not a url", true],
    ["POST", null, `https://${HOST}`, false],
    ["POST", null, `http://${HOST}`, false],
    ["POST", null, `https://${HOST.toUpperCase()}`, false],
    // neither header: not a browser, so no victim's cookies
    ["POST", null, null, false],
    // reads never count
    ["GET", "cross-site", "https://evil.example", false],
    ["HEAD", "cross-site", "https://evil.example", false],
    ["OPTIONS", "cross-site", "https://evil.example", false],
  ])("%s with Sec-Fetch-Site %s and Origin %s → cross-site write: %s", (method, secFetchSite, origin, expected) => {
    expect(isCrossSiteWrite({ method, secFetchSite, origin, host: HOST })).toBe(expected);
  });

  it("refuses an Origin when the request names no Host", () => {
    expect(isCrossSiteWrite({ method: "POST", origin: "https://evil.example", host: null })).toBe(true);
  });
});

describe("storefront security middleware", () => {
  let base = "";
  let close = () => {};
  let reached = 0;

  beforeAll(async () => {
    const app = express();
    app.disable("x-powered-by");
    app.use(cspNonce());
    app.use(securityHeaders({ production: true, backendUrl: "http://localhost:9000/some/path" }));
    app.use(refuseCrossSiteWrites());
    app.all("*", (_req, res) => {
      reached++;
      res.type("text/html").send(`<script nonce="${res.locals.cspNonce}"></script>`);
    });
    const server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://localhost:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("refuses a cross-site POST to any path, ?_data= and .data included, before the app sees it", async () => {
    const before = reached;
    for (const path of ["/producer/login", "/lang?_data=routes%2Flang", "/lang.data", "/api/suggest"]) {
      const res = await fetch(`${base}${path}`, {
        method: "POST",
        headers: {
          Origin: "https://evil.example",
          "Sec-Fetch-Site": "cross-site",
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: "lang=en&redirectTo=%2F",
      });
      expect(res.status, path).toBe(403);
      expect(await res.text()).toBe(CROSS_SITE_REFUSAL);
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
    expect(reached).toBe(before);
  });

  it("lets a same-origin POST through", async () => {
    const res = await fetch(`${base}/lang`, {
      method: "POST",
      headers: { Origin: base, "Sec-Fetch-Site": "same-origin" },
    });
    expect(res.status).toBe(200);
  });

  it("sends CSP with a fresh nonce per response, and the other headers", async () => {
    const [a, b] = await Promise.all([fetch(`${base}/`), fetch(`${base}/`)]);
    const csp = a.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(await a.text()).toContain(`nonce="${nonce}"`);
    expect(b.headers.get("content-security-policy")).not.toContain(nonce!);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/img-src [^;]*http:\/\/localhost:9000/);
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(a.headers.get("x-frame-options")).toBe("DENY");
    expect(a.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(a.headers.get("x-powered-by")).toBeNull();
  });

  it("sends no HSTS outside production", async () => {
    const app = express().use(cspNonce(), securityHeaders({ production: false }), (_req, res) => {
      res.send("ok");
    });
    const server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const res = await fetch(`http://localhost:${(server.address() as AddressInfo).port}/`);
      expect(res.headers.get("strict-transport-security")).toBeNull();
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    } finally {
      server.close();
    }
  });
});
