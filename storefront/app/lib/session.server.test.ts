// @vitest-environment node
import { describe, expect, it } from "vitest";
import { commit, getCartId, getSession, PRIVATE_HEADERS, requireCurator, requireProducer, sessionStorage } from "./session.server";

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
    const res = await thrown(requireCurator(await requestWith({ producerToken: "jwt-p" }, "http://shop.test/trade-center/stats")));
    expect(res.headers.get("Location")).toBe("/trade-center/login?redirectTo=%2Ftrade-center%2Fstats");
  });
});
