// @vitest-environment node
import { describe, expect, it } from "vitest";
import { localizedRefusal } from "../portal.server";
import { login, portalRequest } from "./portal-api.server";
import { signUpProducer } from "./producer-portal.server";
import { calls, setUpBackendEnv, stubBackend } from "./stub-backend.test-helper";

setUpBackendEnv();

const SIGNUP = {
  email: "htx@example.vn",
  password: "MatKhau#2026",
  name: "HTX Chè",
  entity_type: "cooperative",
  province_code: "68",
  phone: "0912345678",
};

describe("the shopper's address on the backend's auth calls", () => {
  it("a portal login sends the shopper's address as X-Forwarded-For", async () => {
    stubBackend(() => ({ status: 200, body: { token: "t" } }));
    const result = await login("producer", "htx@ocop.vn", "OcopHTX#2026", "203.0.113.7");
    expect(result).toEqual({ ok: true, data: "t" });
    expect(calls).toHaveLength(1);
    expect(calls[0].url.pathname).toBe("/auth/producer/emailpass");
    expect(calls[0].headers.get("x-forwarded-for")).toBe("203.0.113.7");
  });

  it("a sign-up sends it on all three calls (register, sign-up, login)", async () => {
    stubBackend((url) => ({
      status: 200,
      body: url.pathname === "/producers/signup" ? { producer: { id: "prod_1" } } : { token: "t" },
    }));
    const result = await signUpProducer(SIGNUP, "2001:db8::7");
    expect(result.ok).toBe(true);
    expect(calls.map((c) => c.url.pathname)).toEqual([
      "/auth/producer/emailpass/register",
      "/producers/signup",
      "/auth/producer/emailpass",
    ]);
    for (const call of calls) expect(call.headers.get("x-forwarded-for")).toBe("2001:db8::7");
  });

  it("sends no X-Forwarded-For without an address, or with something that is not one", async () => {
    stubBackend(() => ({ status: 200, body: { token: "t" } }));
    await login("curator", "xttm@ocop.vn", "OcopXTTM#2026");
    await portalRequest("/auth/curator/emailpass", { method: "POST", body: {}, clientIp: "1.2.3.4, 5.6.7.8" });
    expect(calls).toHaveLength(2);
    for (const call of calls) expect(call.headers.has("x-forwarded-for")).toBe(false);
  });
});

describe("a backend refusal in the page's language", () => {
  const weakPassword = {
    type: "invalid_data",
    code: "weak_password",
    message: "Invalid request: password: Use at least 10 characters.",
    message_vi: "Yêu cầu không hợp lệ: mật khẩu: Mật khẩu cần ít nhất 10 ký tự.",
    errors: { password: "Use at least 10 characters." },
    errors_vi: { password: "Mật khẩu cần ít nhất 10 ký tự." },
  };

  it("keeps both languages of a refused password and shows the page's one", async () => {
    stubBackend(() => ({ status: 400, body: weakPassword }));
    const result = await signUpProducer(SIGNUP, "203.0.113.7");
    expect(calls).toHaveLength(1);
    if (result.ok) throw new Error("expected a refusal");
    expect(localizedRefusal(result, "vi")).toEqual({
      errors: { password: "Mật khẩu cần ít nhất 10 ký tự." },
      formError: "form.fixErrors",
    });
    expect(localizedRefusal(result, "en")).toEqual({
      errors: { password: "Use at least 10 characters." },
      formError: "form.fixErrors",
    });
  });

  it("without field errors, the message in the page's language, or English when that is all there is", async () => {
    stubBackend((url) =>
      url.pathname.endsWith("/register")
        ? { status: 429, body: { message: "Too many attempts.", message_vi: "Bạn đã thử quá nhiều lần." } }
        : { status: 401, body: { message: "Identity with email already exists" } }
    );
    const limited = await signUpProducer(SIGNUP, "203.0.113.7");
    if (limited.ok) throw new Error("expected a refusal");
    expect(limited.status).toBe(429);
    expect(localizedRefusal(limited, "vi")).toEqual({ errors: {}, formError: "Bạn đã thử quá nhiều lần." });
    expect(localizedRefusal(limited, "en")).toEqual({ errors: {}, formError: "Too many attempts." });
    const medusa = await portalRequest("/auth/producer/emailpass", { method: "POST", body: {} });
    if (medusa.ok) throw new Error("expected a refusal");
    expect(localizedRefusal(medusa, "vi").formError).toBe("Identity with email already exists");
  });
});
