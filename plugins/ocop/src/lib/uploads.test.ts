import { describe, expect, it } from "vitest"
import { issuingAuthorityFor, issuingAuthorityMismatch } from "./certification-rules"
import { fileKeyOf, fileUrl, sniffFileKind, uploadRefusal } from "./uploads"

const bytes = (...b: number[]) => new Uint8Array(b)
const text = (s: string) => new TextEncoder().encode(s)

describe("upload sniffing", () => {
  it("knows JPEG, PNG, WebP and PDF by their first bytes, and nothing else", () => {
    expect(sniffFileKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("jpeg")
    expect(sniffFileKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe("png")
    expect(sniffFileKind(text("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp")
    expect(sniffFileKind(text("%PDF-1.7"))).toBe("pdf")
    expect(sniffFileKind(text("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull()
    expect(sniffFileKind(text("<!doctype html>"))).toBeNull()
    expect(sniffFileKind(text("GIF89a"))).toBeNull()
    expect(sniffFileKind(text("RIFF\0\0\0\0WAVE"))).toBeNull()
  })

  it("refuses a PDF as a product photo, an oversize logo and an empty file, in both languages", () => {
    expect(uploadRefusal("product_image", text("%PDF-1.4"))?.en).toMatch(/JPEG, PNG or WebP/)
    expect(uploadRefusal("certificate_scan", text("%PDF-1.4"))).toBeNull()
    const big = new Uint8Array(3 * 1024 * 1024)
    big.set([0xff, 0xd8, 0xff])
    expect(uploadRefusal("logo", big)?.vi).toMatch(/tối đa 2 MB/)
    expect(uploadRefusal("product_image", big)).toBeNull()
    expect(uploadRefusal("logo", new Uint8Array())?.en).toBe("The file is empty.")
  })

  it("stores relative file paths and reads the key back only from our own paths", () => {
    expect(fileUrl("1732-logo-ab.webp")).toBe("/ocop/files/1732-logo-ab.webp")
    expect(fileUrl("../etc/passwd")).toBeNull()
    expect(fileKeyOf("/ocop/files/1732-logo-ab.webp")).toBe("1732-logo-ab.webp")
    expect(fileKeyOf("https://evil.example/ocop/files/x.png")).toBeNull()
  })
})

describe("issuing authority of a producer's submission", () => {
  it("is the provincial People's Committee for 3–4★ and the ministry for 5★", () => {
    expect(issuingAuthorityFor(3, "68")).toBe("UBND tỉnh Lâm Đồng")
    expect(issuingAuthorityFor(4, "01")).toBe("UBND thành phố Hà Nội")
    expect(issuingAuthorityFor(5, "68")).toBe("Bộ Nông nghiệp và Môi trường")
  })

  it("accepts the ways people write the right body and refuses another province's or level's", () => {
    expect(issuingAuthorityMismatch("UBND TP Hà Nội", 4, "01")).toBeNull()
    expect(issuingAuthorityMismatch("Ủy ban nhân dân tỉnh Lâm Đồng", 3, "68")).toBeNull()
    // A former province merged into Lâm Đồng still names the right committee.
    expect(issuingAuthorityMismatch("UBND tỉnh Đắk Nông", 3, "68")).toBeNull()
    expect(issuingAuthorityMismatch("Bộ NN&MT", 5, "68")).toBeNull()
    expect(issuingAuthorityMismatch("UBND tỉnh Khánh Hòa", 4, "68")).toMatch(/UBND tỉnh Lâm Đồng/)
    expect(issuingAuthorityMismatch("Bộ Nông nghiệp và Môi trường", 4, "68")).toMatch(/People's Committee/)
    expect(issuingAuthorityMismatch("UBND tỉnh Lâm Đồng", 5, "68")).toMatch(/ministry/)
  })
})
