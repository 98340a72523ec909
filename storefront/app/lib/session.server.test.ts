// @vitest-environment node
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  commit,
  getCartId,
  getSession,
  PRIVATE_HEADERS,
  requireCurator,
  requireProducer,
  sessionStorage,
} from "./session.server";

async function requestWith(values: Record<string, string>, url = "http://shop.test/producer/products?page=2") {
  const session = await sessionStorage.getSession();
  for (const [k, v] of Object.entries(values)) session.set(k, v);
  const cookie = (await commit(session))["Set-Cookie"].split(";")[0];
  return new Request(url, { headers: { Cookie: cookie } });
}

async function thrown(p: Promise<unknown>): Promise<Response> {
  try {
    await p;
  } catch (e) {
    if (e && typeof e === "object" && "status" in e) return e as Response;
    throw e;
  }
  throw new Error("expected a thrown Response");
}

describe("session cookie", () => {
  it("round-trips the cart id in a signed, httpOnly cookie", async () => {
    const session = await sessionStorage.getSession();
    session.set("cartId", "cart_01ABC");
    const header = (await commit(session))["Set-Cookie"];
    expect(header).toMatch(/^__ocop=/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    const request = new Request("http://shop.test/cart", { headers: { Cookie: header.split(";")[0] } });
    expect(await getCartId(request)).toBe("cart_01ABC");
  });

  it("ignores a tampered cookie", async () => {
    const session = await sessionStorage.getSession();
    session.set("cartId", "cart_01ABC");
    const value = (await commit(session))["Set-Cookie"].split(";")[0];
    const [name, rest] = value.split("=");
    const [payload, signature] = decodeURIComponent(rest).split(".");
    const forged = Buffer.from(JSON.stringify({ cartId: "cart_someone_else" })).toString("base64");
    const request = new Request("http://shop.test/cart", {
      headers: { Cookie: `${name}=${encodeURIComponent(`${forged}.${signature}`)}` },
    });
    expect(payload).not.toBe(forged);
    expect(await getCartId(request)).toBeNull();
  });

  it("has no cart for a new visitor", async () => {
    expect(await getCartId(new Request("http://shop.test/"))).toBeNull();
    expect((await getSession(new Request("http://shop.test/"))).get("producerToken")).toBeUndefined();
  });
});

describe("portal guards", () => {
  it("requireProducer returns the token when logged in", async () => {
    expect(await requireProducer(await requestWith({ producerToken: "jwt-p" }))).toBe("jwt-p");
  });

  it("requireProducer redirects to the producer login page, remembering where to return", async () => {
    const res = await thrown(requireProducer(await requestWith({})));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/producer/login?redirectTo=%2Fproducer%2Fproducts%3Fpage%3D2");
    expect(res.headers.get("Cache-Control")).toBe(PRIVATE_HEADERS["Cache-Control"]);
  });

  it("a producer token does not open the trade-centre portal", async () => {
    const res = await thrown(
      requireCurator(await requestWith({ producerToken: "jwt-p" }, "http://shop.test/trade-center/stats"))
    );
    expect(res.headers.get("Location")).toBe("/trade-center/login?redirectTo=%2Ftrade-center%2Fstats");
  });
});

describe("session secret and cookie flags", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function freshModule(env: Record<string, string | undefined>) {
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    vi.resetModules();
    return import("./session.server");
  }

  it("refuses to load in production without SESSION_SECRET, with one sentence naming it", async () => {
    await expect(
      freshModule({ NODE_ENV: "production", SESSION_SECRET: "", SESSION_SECURE: undefined })
    ).rejects.toThrow(/^SESSION_SECRET is not set: [^\n]+\.$/);
  });

  it("signs with SESSION_SECRET in production and marks the cookie Secure", async () => {
    const mod = await freshModule({
      NODE_ENV: "production",
      SESSION_SECRET: "a-long-random-test-secret",
      SESSION_SECURE: undefined,
    });
    const header = (await mod.commit(await mod.sessionStorage.getSession()))["Set-Cookie"];
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
  });

  it("SESSION_SECURE=false turns Secure off explicitly (production build behind plain http)", async () => {
    const mod = await freshModule({
      NODE_ENV: "production",
      SESSION_SECRET: "a-long-random-test-secret",
      SESSION_SECURE: "false",
    });
    expect((await mod.commit(await mod.sessionStorage.getSession()))["Set-Cookie"]).not.toMatch(/Secure/);
  });

  it("without SESSION_SECRET in development, signs with a random secret, not a fixed one", async () => {
    (globalThis as { __ocopDevSessionSecret?: string }).__ocopDevSessionSecret = undefined;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const first = await freshModule({ NODE_ENV: "development", SESSION_SECRET: undefined, SESSION_SECURE: undefined });
    const session = await first.sessionStorage.getSession();
    session.set("cartId", "cart_01DEV");
    const cookie = (await first.commit(session))["Set-Cookie"];
    expect(cookie).not.toMatch(/Secure/);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/SESSION_SECRET is not set/);

    // Another process (simulated: a new secret) cannot read it.
    (globalThis as { __ocopDevSessionSecret?: string }).__ocopDevSessionSecret = undefined;
    const second = await freshModule({ NODE_ENV: "development", SESSION_SECRET: undefined });
    expect(
      await second.getCartId(new Request("http://shop.test/cart", { headers: { Cookie: cookie.split(";")[0] } }))
    ).toBeNull();
    warn.mockRestore();
  });
});
