import { describe, expect, it } from "vitest"
import { starsForScore } from "@ocop-marketplace/ocop/lib/stars"
import { defaultExpiry } from "@ocop-marketplace/ocop/lib/validity"
import { evaluateListingGate } from "@ocop-marketplace/ocop/lib/listing-gate"
import { certificationHistory, issuingAuthority, legalBasis, scoreFor, type Place } from "../src/lib/certificates"
import { createRng } from "../src/lib/rng"
import { planCatalogue } from "../src/lib/generator"
import { demoCatalogue, demoCertifications } from "../src/demo"

const NOW = new Date("2026-11-23T12:00:00Z")
const LAM_DONG: Place = {
  province_code: "68",
  province_name_vi: "Lâm Đồng",
  province_type: "province",
  former_province_vi: "Đắk Nông",
  former_province_type: "province",
  former_district_vi: "huyện Tuy Đức",
}
const addMonths = (iso: string, months: number) => {
  const d = new Date(iso)
  return (
    defaultExpiry(d).toISOString().slice(0, 10) ===
    new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate())).toISOString().slice(0, 10)
  )
}

describe("scores", () => {
  it("always fall in the star band, with parts A ≤ 40, B ≤ 25, C ≤ 35 adding up", () => {
    const rng = createRng("scores")
    for (let i = 0; i < 3000; i++) {
      const stars = [3, 4, 5][i % 3]
      const { score, parts } = scoreFor(stars, rng)
      expect(starsForScore(score)).toBe(stars)
      expect(parts.A + parts.B + parts.C).toBe(score)
      expect(parts.A).toBeLessThanOrEqual(40)
      expect(parts.B).toBeLessThanOrEqual(25)
      expect(parts.C).toBeLessThanOrEqual(35)
      expect(Math.min(parts.A, parts.B, parts.C)).toBeGreaterThanOrEqual(0)
    }
  })
  it("refuses uncertified star levels", () => {
    expect(() => scoreFor(2, createRng("x"))).toThrow(/3, 4 and 5/)
  })
})

describe("issuing authority and legal basis follow the date and the level", () => {
  it("5★: the ministry, renamed in March 2025", () => {
    expect(issuingAuthority(5, new Date("2024-06-01"), LAM_DONG)).toBe("Bộ Nông nghiệp và Phát triển nông thôn")
    expect(issuingAuthority(5, new Date("2025-06-26"), LAM_DONG)).toBe("Bộ Nông nghiệp và Môi trường")
  })
  it("3★: province under QĐ 1048, district under QĐ 148, the new province after 1 July 2025", () => {
    expect(issuingAuthority(3, new Date("2021-05-01"), LAM_DONG)).toBe("UBND tỉnh Đắk Nông")
    expect(issuingAuthority(3, new Date("2024-05-01"), LAM_DONG)).toBe("UBND huyện Tuy Đức")
    expect(issuingAuthority(3, new Date("2025-08-01"), LAM_DONG)).toBe("UBND tỉnh Lâm Đồng")
  })
  it("4★: the provincial committee of its day; Huế was a province until 2025", () => {
    expect(issuingAuthority(4, new Date("2024-05-01"), LAM_DONG)).toBe("UBND tỉnh Đắk Nông")
    const hue: Place = {
      province_code: "46",
      province_name_vi: "Huế",
      province_type: "city",
      former_province_vi: "Thừa Thiên Huế",
      former_province_type: "province",
    }
    expect(issuingAuthority(4, new Date("2020-03-01"), hue)).toBe("UBND tỉnh Thừa Thiên Huế")
    expect(issuingAuthority(4, new Date("2025-03-01"), hue)).toBe("UBND thành phố Huế")
  })
  it("legal basis", () => {
    expect(legalBasis(new Date("2022-12-01"))).toBe("1048/QĐ-TTg")
    expect(legalBasis(new Date("2024-12-01"))).toBe("148/QĐ-TTg")
    expect(legalBasis(new Date("2025-12-01"))).toMatch(/1489\/QĐ-TTg/)
  })
})

describe("certification histories", () => {
  const serials = () => {
    let n = 0
    return () => ++n
  }
  it("renew every 36 months so that exactly one current, approved, valid certificate remains", () => {
    const h = certificationHistory({
      stars: 4,
      firstDecision: new Date("2019-03-12T00:00:00Z"),
      place: LAM_DONG,
      now: NOW,
      rng: createRng("h"),
      nextSerial: serials(),
    })
    expect(h.length).toBeGreaterThanOrEqual(3)
    expect(h.filter((c) => c.is_current)).toHaveLength(1)
    expect(h.at(-1)!.is_current).toBe(true)
    expect(h.at(-1)!.status).toBe("approved")
    expect(h.slice(0, -1).every((c) => c.status === "expired")).toBe(true)
    for (const c of h) {
      expect(c.expires_at).toBe(defaultExpiry(new Date(c.valid_from!)).toISOString().slice(0, 10))
      expect(addMonths(c.valid_from!, 36)).toBe(true)
      expect(starsForScore(c.score!)).toBe(c.stars)
      expect(new Date(c.decision_date!).getUTCDay()).not.toBe(0)
      expect(new Date(c.decision_date!).getUTCDay()).not.toBe(6)
    }
    expect(
      evaluateListingGate({
        product_status: "published",
        producer_status: "active",
        certifications: h.map((c, i) => ({ ...c, id: String(i) })),
        now: NOW,
      }).listed
    ).toBe(true)
  })
  it("a lapsed, revoked or re-submitted product fails the gate", () => {
    for (const ending of ["lapsed", "revoked", "submitted"] as const) {
      const h = certificationHistory({
        stars: 3,
        firstDecision: new Date("2020-06-01T00:00:00Z"),
        place: LAM_DONG,
        now: NOW,
        rng: createRng(ending),
        nextSerial: serials(),
        ending,
      })
      const verdict = evaluateListingGate({
        product_status: "published",
        producer_status: "active",
        certifications: h.map((c, i) => ({ ...c, id: String(i) })),
        now: NOW,
      })
      expect(verdict.listed, ending).toBe(false)
      expect(h.filter((c) => c.is_current)).toHaveLength(1)
    }
  })
  it("the demo catalogue: every certificate consistent, unique numbers, the planned products listed", () => {
    const { products, producers } = demoCatalogue()
    const byHandle = new Map(producers.map((p) => [p.handle, p]))
    const numbers = new Set<string>()
    let listed = 0
    let n = 0
    const next = () => ++n
    for (const p of products) {
      const producer = byHandle.get(p.producer_handle)!
      expect(producer, p.handle).toBeTruthy()
      const h = demoCertifications(p, producer, NOW, next)
      for (const c of h) {
        expect(numbers.has(c.certificate_number), c.certificate_number).toBe(false)
        numbers.add(c.certificate_number)
        if (c.score !== null) expect(starsForScore(c.score)).toBe(c.stars)
        if (c.valid_from) expect(c.expires_at).toBe(defaultExpiry(new Date(c.valid_from)).toISOString().slice(0, 10))
      }
      const verdict = evaluateListingGate({
        product_status: "published",
        producer_status: producer.status,
        certifications: h.map((c, i) => ({ ...c, id: String(i) })),
        now: NOW,
      })
      expect(verdict.listed, p.handle).toBe(p.ending === "renewed" && producer.status === "active")
      if (verdict.listed) listed++
    }
    expect(listed).toBe(77)
  })
  it("the generator: one current certificate per product, scores in band, expiry +36 months, unique numbers", () => {
    const plan = planCatalogue({ count: 3000, seed: "certs", now: NOW })
    const numbers = new Set<string>()
    for (const p of plan.products) {
      expect(p.certifications.filter((c) => c.is_current)).toHaveLength(1)
      for (const c of p.certifications) {
        expect(numbers.has(c.certificate_number)).toBe(false)
        numbers.add(c.certificate_number)
        expect(c.stars).toBe(p.stars)
        if (c.score !== null) expect(starsForScore(c.score)).toBe(c.stars)
        if (c.valid_from) expect(c.expires_at!.getTime()).toBe(defaultExpiry(c.valid_from).getTime())
      }
    }
  })
})
