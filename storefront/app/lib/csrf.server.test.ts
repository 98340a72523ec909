// @vitest-environment node
import { describe, expect, it } from "vitest";
import { hasValidCsrfToken, issueCsrfToken, rotateCsrfToken } from "./csrf.server";
import { CSRF_FIELD } from "./forms";
import { loginAction } from "./portal.server";
import { commit, getSession } from "./session.server";

function cookieOf(headers: Record<string, string>): string {
  return headers["Set-Cookie"].split(";")[0];
}

function post(cookie: string | null, fields: Record<string, string>) {
  return new Request("http://shop.test/producer/login?redirectTo=%2Fproducer%2Forders", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
}

describe("login CSRF token", () => {
  it("issues one token per session and keeps it across page loads", async () => {
    const first = await issueCsrfToken(new Request("http://shop.test/producer/login"));
    expect(first.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.headers["Set-Cookie"]).toMatch(/^__ocop=/);
    const again = await issueCsrfToken(
      new Request("http://shop.test/producer/login", { headers: { Cookie: cookieOf(first.headers) } })
    );
    expect(again.csrf).toBe(first.csrf);
    expect(again.headers).toEqual({});
  });

  it("accepts the session's token and refuses a missing, wrong or foreign one", async () => {
    const { csrf, headers } = await issueCsrfToken(new Request("http://shop.test/producer/login"));
    const other = await issueCsrfToken(new Request("http://shop.test/producer/login"));
    const cookie = cookieOf(headers);
    const check = (c: string | null, fields: Record<string, string>) => {
      const request = post(c, fields);
      return request
        .clone()
        .formData()
        .then((form) => hasValidCsrfToken(request, form));
    };
    expect(await check(cookie, { [CSRF_FIELD]: csrf })).toBe(true);
    expect(await check(cookie, {})).toBe(false);
    expect(await check(cookie, { [CSRF_FIELD]: "" })).toBe(false);
    expect(await check(cookie, { [CSRF_FIELD]: csrf.slice(0, -1) })).toBe(false);
    expect(await check(cookie, { [CSRF_FIELD]: other.csrf })).toBe(false);
    // a cross-site form post: no session cookie travels with it
    expect(await check(null, { [CSRF_FIELD]: csrf })).toBe(false);
  });

  it("rotates the token at login", async () => {
    const { csrf, headers } = await issueCsrfToken(new Request("http://shop.test/producer/login"));
    const session = await getSession(new Request("http://shop.test/", { headers: { Cookie: cookieOf(headers) } }));
    rotateCsrfToken(session);
    const after = await issueCsrfToken(
      new Request("http://shop.test/", { headers: { Cookie: cookieOf(await commit(session)) } })
    );
    expect(after.csrf).not.toBe(csrf);
  });

  it("a login post without the token fails with the form error and never reaches the backend", async () => {
    const result = await loginAction(post(null, { email: "htx@ocop.vn", password: "OcopHTX#2026" }), "producer");
    expect(result.init?.status).toBe(403);
    expect(result.data).toEqual({ errors: {}, values: { email: "htx@ocop.vn" }, formError: "form.csrf" });
  });
});
