import { describe, expect, it } from "vitest";
import {
  checkoutSchema,
  decisionSchema,
  parseForm,
  parseVndInput,
  producerSignupSchema,
  productCreateSchema,
} from "./forms";
import { messages } from "./i18n";

function form(values: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.append(k, v);
  return f;
}

const goodCheckout = {
  full_name: "Nguyễn Văn An",
  phone: "0912 345 678",
  email: "an@example.vn",
  address: "Số 1 Tràng Tiền",
  ward: "Phường Hoàn Kiếm",
  province_code: "01",
  payment_provider: "pp_system_default",
};

describe("checkout form", () => {
  it("accepts a 10-digit Vietnamese mobile number with spaces, and the +84 form", () => {
    const a = parseForm(checkoutSchema, form(goodCheckout));
    expect(a.ok && a.data.phone).toBe("+84912345678");
    const b = parseForm(checkoutSchema, form({ ...goodCheckout, phone: "+84 912.345.678" }));
    expect(b.ok && b.data.phone).toBe("+84912345678");
  });

  it.each(["0123456789", "091234567", "09123456789", "024 3825 1234", "abc"])(
    "refuses %s as a mobile number",
    (phone) => {
      const r = parseForm(checkoutSchema, form({ ...goodCheckout, phone }));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.phone).toBe("form.phone");
    }
  );

  it("reports every missing field next to it and keeps what was typed", () => {
    const r = parseForm(
      checkoutSchema,
      form({ full_name: "Nguyễn Văn An", phone: "", email: "", address: "", ward: "", province_code: "" })
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(["address", "payment_provider", "phone", "province_code", "ward"]);
    expect(r.values.full_name).toBe("Nguyễn Văn An");
  });

  it("needs no email for cash on delivery, but checks one when it is typed", () => {
    const cod = parseForm(checkoutSchema, form({ ...goodCheckout, email: "" }));
    expect(cod.ok).toBe(true);
    const typo = parseForm(checkoutSchema, form({ ...goodCheckout, email: "an@" }));
    expect(!typo.ok && typo.errors.email).toBe("form.email");
  });

  it("has no district field: street, ward and province only", () => {
    expect(Object.keys(checkoutSchema.shape)).not.toContain("district");
  });

  it("uses only message keys that exist in both languages", () => {
    const r = parseForm(checkoutSchema, form({}));
    if (r.ok) throw new Error("expected errors");
    for (const key of Object.values(r.errors)) {
      expect(messages.vi).toHaveProperty(key);
      expect(messages.en).toHaveProperty(key);
    }
  });
});

describe("VND price input", () => {
  it.each([
    ["120000", 120000],
    ["120.000", 120000],
    ["1.234.567", 1234567],
    ["120 000", 120000],
    ["120.000 ₫", 120000],
    ["120.000đ", 120000],
  ])("reads %s as %d whole đồng", (raw, amount) => {
    expect(parseVndInput(raw)).toBe(amount);
  });

  it.each(["12,5", "120.5", "1.20", "-5000", "abc", "1e6"])("refuses %s", (raw) => {
    expect(parseVndInput(raw)).toBeNull();
  });

  it("requires at least 1.000 ₫ and whole đồng in the product form", () => {
    const low = parseForm(productCreateSchema, form({ title: "Mật ong", price: "500" }));
    expect(!low.ok && low.errors.price).toBe("form.priceMin");
    const decimal = parseForm(productCreateSchema, form({ title: "Mật ong", price: "12,5" }));
    expect(!decimal.ok && decimal.errors.price).toBe("form.price");
    const ok = parseForm(productCreateSchema, form({ title: "Mật ong", price: "280.000" }));
    expect(ok.ok && ok.data.price).toBe(280000);
  });
});

describe("producer sign-up and curator decisions", () => {
  it("never sends the password back to the page", () => {
    const r = parseForm(producerSignupSchema, form({ email: "x@y.vn", password: "short", name: "" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.password).toBe("form.passwordShort");
    expect(r.values).not.toHaveProperty("password");
  });

  const goodSignup = {
    email: "htx.che@example.vn",
    password: "MatKhau#2026",
    name: "HTX Chè Shan tuyết",
    entity_type: "cooperative",
    province_code: "02",
    phone: "0912345678",
  };

  it.each([
    ["", "form.required"],
    ["Abc12345", "form.passwordShort"],
    ["Abcdefgh9", "form.passwordShort"],
    [`Aa1${"x".repeat(126)}`, "form.passwordLong"],
    ["matkhauchodep", "form.passwordKinds"],
    ["12345678901", "form.passwordKinds"],
    ["Password123", "form.passwordCommon"],
    ["aaaaaaaaaaaa", "form.passwordCommon"],
    ["HTX.CHE@example.vn", "form.passwordEmail"],
    ["htx.che@EXAMPLE.vn", "form.passwordEmail"],
  ])("refuses the password %j with %s, as the backend would", (password, key) => {
    const r = parseForm(producerSignupSchema, form({ ...goodSignup, password }));
    expect(!r.ok && r.errors.password).toBe(key);
  });

  it.each(["MatKhau#2026", "chè shan tuyết 2026", "mậtkhẩudài!", `Aa1${"x".repeat(125)}`])(
    "accepts the password %j",
    (password) => {
      const r = parseForm(producerSignupSchema, form({ ...goodSignup, password }));
      expect(r.ok && r.data.password).toBe(password);
    }
  );

  it("has every password message in both languages", () => {
    for (const key of [
      "form.password",
      "form.passwordShort",
      "form.passwordLong",
      "form.passwordKinds",
      "form.passwordCommon",
      "form.passwordEmail",
    ] as const) {
      expect(messages.vi[key]).toBeTruthy();
      expect(messages.en[key]).toBeTruthy();
      expect(messages.vi[key]).not.toBe(messages.en[key]);
    }
  });

  it("requires a reason to reject, suspend or revoke, not to approve", () => {
    for (const action of ["reject", "suspend", "revoke"]) {
      const r = parseForm(decisionSchema, form({ certification_id: "c1", action, reason: "" }));
      expect(!r.ok && r.errors.reason).toBe("form.reasonRequired");
    }
    expect(parseForm(decisionSchema, form({ certification_id: "c1", action: "approve" })).ok).toBe(true);
  });
});
