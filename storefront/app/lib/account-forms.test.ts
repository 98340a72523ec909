import { describe, expect, it } from "vitest";
import { addressSchema, resetPasswordSchema, signUpSchema, toE164 } from "./account-forms";

describe("account forms", () => {
  it("sign-up accepts a phone written the usual ways, or none, and refuses weak passwords", () => {
    const base = { full_name: "Trần Thu", email: "thu@example.vn", password: "KhachMoi#2026" };
    expect(signUpSchema.safeParse(base).success).toBe(true);
    const spaced = signUpSchema.safeParse({ ...base, phone: "0912 345 678" });
    expect(spaced.success && spaced.data.phone).toBe("+84912345678"); // E.164, the backend's form (lib/phone.ts)
    const problems = (input: Record<string, string>) => {
      const r = signUpSchema.safeParse(input);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(problems({ ...base, phone: "12345" })).toEqual({ phone: "form.phone" });
    expect(problems({ ...base, password: "short" })).toEqual({ password: "form.passwordShort" });
    expect(problems({ ...base, password: "thu@example.vn" })).toEqual({ password: "form.passwordEmail" });
  });

  it("a reset needs the emailed token; an address needs a province code of the 34", () => {
    expect(resetPasswordSchema.safeParse({ token: "", email: "a@b.vn", password: "KhachMoi#2026" }).success).toBe(
      false
    );
    const address = { full_name: "Thu", phone: "0912345678", address: "Thôn 10", ward: "Xã Trường Xuân" };
    expect(addressSchema.safeParse({ ...address, province_code: "68" }).success).toBe(true);
    expect(addressSchema.safeParse({ ...address, province_code: "Lâm Đồng" }).success).toBe(false);
    expect(toE164("0912345678")).toBe("+84912345678");
  });
});
