// @vitest-environment node
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storefrontLoadContext, trustedProxies } from "./app.mjs";

describe("trustedProxies (STOREFRONT_TRUSTED_PROXIES)", () => {
  it.each([
    [undefined, ["loopback"]],
    ["loopback", ["loopback"]],
    [" 10.0.0.0/8 , loopback ", ["10.0.0.0/8", "loopback"]],
    ["none", false],
    ["", false],
  ])("%s → %j", (value, expected) => {
    expect(trustedProxies(value)).toEqual(expected);
  });
});

describe("the shopper's address in the load context", () => {
  const servers: { close: () => void }[] = [];
  const start = async (trustProxy: string) => {
    const app = express();
    app.set("trust proxy", trustedProxies(trustProxy));
    app.get("*", (req, res) => {
      res.locals.cspNonce = "n";
      res.json(storefrontLoadContext(req, res));
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  let trusting = "";
  let distrusting = "";

  beforeAll(async () => {
    trusting = await start("loopback");
    distrusting = await start("none");
  });
  afterAll(() => {
    for (const server of servers) server.close();
  });

  it("takes X-Forwarded-For from a trusted proxy (here: loopback), the nearest untrusted hop", async () => {
    const res = await fetch(trusting, { headers: { "x-forwarded-for": "198.51.100.9, 203.0.113.7" } });
    expect(await res.json()).toEqual({ cspNonce: "n", clientIp: "203.0.113.7" });
  });

  it("ignores X-Forwarded-For when no proxy is trusted: the socket's address", async () => {
    const res = await fetch(distrusting, { headers: { "x-forwarded-for": "203.0.113.7" } });
    expect((await res.json()).clientIp).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });
});

describe("the request id, from the shopper's request to the backend", () => {
  it("answers with the proxy's id (or a new one) and passes it on every backend call, to no other host", async () => {
    const { passRequestIdTo, requestId } = await import("./request-id.mjs");
    const seen: Array<{ host: string; id: string | undefined }> = [];
    const listen = async (app: express.Express) => {
      const server = app.listen(0, "127.0.0.1");
      await new Promise((resolve) => server.once("listening", resolve));
      return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    };
    const recorder = (host: string) => {
      const app = express();
      app.get("*", (req, res) => {
        seen.push({ host, id: req.get("x-request-id") });
        res.json({});
      });
      return app;
    };
    const backend = await listen(recorder("backend"));
    const elsewhere = await listen(recorder("elsewhere"));
    passRequestIdTo(backend.url);
    const storefront = express();
    storefront.use(requestId());
    storefront.get("*", async (_req, res) => {
      await fetch(`${backend.url}/store/products`);
      await fetch(new URL(`${elsewhere.url}/image.png`));
      res.json({});
    });
    const site = await listen(storefront);
    try {
      const given = await fetch(site.url, { headers: { "x-request-id": "nginx-0123456789abcdef" } });
      expect(given.headers.get("x-request-id")).toBe("nginx-0123456789abcdef");
      const made = await fetch(site.url, { headers: { "x-request-id": "bad id; <script>" } });
      const madeId = made.headers.get("x-request-id");
      expect(madeId).toMatch(/^[0-9a-f-]{36}$/);
      expect(seen).toEqual([
        { host: "backend", id: "nginx-0123456789abcdef" },
        { host: "elsewhere", id: undefined },
        { host: "backend", id: madeId },
        { host: "elsewhere", id: undefined },
      ]);
    } finally {
      for (const { server } of [backend, elsewhere, site]) server.close();
    }
  });
});
