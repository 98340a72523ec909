import { describe, expect, it } from "vitest"
import { canonicalCertificateCode, codeLikePattern } from "./certificate-verification"

describe("certificate codes are compared in one canonical form", () => {
  it("ignores case, whitespace and dashes, keeps slashes and Vietnamese letters", () => {
    const stored = canonicalCertificateCode("123/QĐ-UBND")
    expect(canonicalCertificateCode(" 123 / qđ - ubnd ")).toBe(stored)
    expect(canonicalCertificateCode("123/QĐ UBND")).toBe(stored)
    expect(canonicalCertificateCode("123/QD-UBND")).not.toBe(stored)
    expect(canonicalCertificateCode("ocop–qg–01")).toBe("OCOPQG01")
  })
  it("narrows with a pattern every stored spelling matches (escaped wildcards, any non-ASCII letter)", () => {
    expect(codeLikePattern("1/QĐ")).toBe("1%/%Q%_")
    expect(codeLikePattern("A_%")).toBe("A%\\_%\\%")
  })
})
