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
