import { describe, expect, it } from "vitest";
import { formatDate, messages, t } from "./index";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n dictionary", () => {
  it("has exactly the same keys in Vietnamese and English", () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.vi).sort());
  });

  it("has no empty strings and the same placeholders in both languages", () => {
    for (const key of Object.keys(messages.vi) as (keyof typeof messages.vi)[]) {
      expect(messages.vi[key].trim(), `vi ${key}`).not.toBe("");
      expect(messages.en[key].trim(), `en ${key}`).not.toBe("");
      expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages.vi[key]));
    }
  });

  it("keeps Vietnamese text in NFC with its diacritics", () => {
    for (const value of Object.values(messages.vi)) {
      expect(value).toBe(value.normalize("NFC"));
    }
    expect(t("vi", "site.name")).toBe("Chợ OCOP");
  });

  it("fills placeholders", () => {
    expect(t("vi", "stars.label", { n: 4 })).toBe("4 sao");
    expect(t("en", "stars.label", { n: 4 })).toBe("4 stars");
  });

  it("chooses an English word by its number, and Vietnamese needs none", () => {
    expect(t("en", "search.count", { n: 1 })).toBe("1 product");
    expect(t("en", "search.count", { n: 0 })).toBe("0 products");
    expect(t("en", "search.count", { n: 21 })).toBe("21 products");
    expect(t("en", "cart.parcels", { count: 1 })).toBe("1 parcel");
    expect(t("vi", "search.count", { n: 1 })).toBe("1 sản phẩm");
    // no message is left with a choice unmade
    for (const lang of ["vi", "en"] as const)
      for (const key of Object.keys(messages.vi) as (keyof typeof messages.vi)[])
        expect(t(lang, key, { n: 2, count: 2 }), key).not.toMatch(/\{\w+:[^}]*\|/);
  });
});

describe("formatDate", () => {
  it("writes dd/mm/yyyy in Vietnamese, in Vietnam's time zone", () => {
    expect(formatDate("2025-03-11T17:30:00Z", "vi")).toBe("12/03/2025");
  });
  it("writes an unambiguous date in English", () => {
    expect(formatDate("2025-03-12", "en")).toBe("12 Mar 2025");
  });
  it("shows a dash for missing or bad dates", () => {
    expect(formatDate(null, "vi")).toBe("—");
    expect(formatDate("not a date", "en")).toBe("—");
  });
});
