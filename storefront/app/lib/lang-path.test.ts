import { describe, expect, it } from "vitest";
import { contentLocale, langOfPath, pathInLang, unprefixedPath, usesLanguagePreference } from "./lang-path";

describe("language in the URL", () => {
  it("reads the language from the path", () => {
    expect(langOfPath("/")).toBe("vi");
    expect(langOfPath("/products/tra")).toBe("vi");
    expect(langOfPath("/en")).toBe("en");
    expect(langOfPath("/en/products/tra")).toBe("en");
    expect(langOfPath("/engine")).toBe("vi");
  });

  it("writes the same page in either language", () => {
    expect(pathInLang("en", "/")).toBe("/en");
    expect(pathInLang("en", "/products/tra")).toBe("/en/products/tra");
    expect(pathInLang("en", "/en/products/tra")).toBe("/en/products/tra");
    expect(pathInLang("vi", "/en/products/tra")).toBe("/products/tra");
    expect(pathInLang("vi", "/en")).toBe("/");
    expect(unprefixedPath("/en/")).toBe("/");
  });

  it("keeps the cookie preference for the portals at their unprefixed URLs only", () => {
    expect(usesLanguagePreference("/producer")).toBe(true);
    expect(usesLanguagePreference("/trade-center/stats")).toBe(true);
    expect(usesLanguagePreference("/producers/htx")).toBe(false);
    expect(usesLanguagePreference("/en/producer")).toBe(false);
    expect(usesLanguagePreference("/cart")).toBe(false);
  });

  it("asks Medusa for English content only on English pages", () => {
    expect(contentLocale("en")).toBe("en-US");
    expect(contentLocale("vi")).toBeUndefined();
  });
});
