import { describe, expect, it } from "vitest"
import { describeGateReasons, evaluateListingGate } from "./listing-gate"

const now = new Date("2026-11-23T00:00:00Z")
const approved = { id: "c1", status: "approved", stars: 4, valid_from: "2025-01-01", expires_at: "2028-01-01" }

describe("the listing gate", () => {
  it("lists a published product of an active producer with a valid approved certification", () => {
    expect(
      evaluateListingGate({ product_status: "published", producer_status: "active", certifications: [approved], now })
    ).toEqual({
      listed: true,
      certification_id: "c1",
      reasons: [],
    })
  })
  it("gives every reason a product is not listed", () => {
    const v = evaluateListingGate({ product_status: "draft", producer_status: "suspended", certifications: [], now })
    expect(v.listed).toBe(false)
    expect(v.reasons).toEqual(["producer_not_active", "product_not_published", "no_approved_certification"])
    expect(describeGateReasons(v.reasons, "vi")).toMatch(/chưa có chứng nhận OCOP/)
  })
  it("treats expires_at as exclusive and valid_from as inclusive", () => {
    const at = (iso: string) =>
      evaluateListingGate({
        product_status: "published",
        producer_status: "active",
        certifications: [approved],
        now: new Date(iso),
      })
    expect(at("2025-01-01T00:00:00Z").listed).toBe(true)
    expect(at("2028-01-01T00:00:00Z").reasons).toEqual(["certification_expired"])
    expect(at("2024-12-31T23:59:59Z").reasons).toEqual(["certification_not_yet_valid"])
  })
  it("ignores certifications that are not approved or not 3–5★", () => {
    for (const cert of [
      { ...approved, status: "revoked" },
      { ...approved, status: "submitted" },
      { ...approved, stars: 2 },
    ]) {
      const v = evaluateListingGate({
        product_status: "published",
        producer_status: "active",
        certifications: [cert],
        now,
      })
      expect(v.reasons).toEqual(["no_approved_certification"])
    }
  })
  it("lists on the newest valid certificate when a renewal stands next to the older one", () => {
    const renewal = { id: "c2", status: "approved", stars: 5, valid_from: "2026-06-01", expires_at: "2029-06-01" }
    const gate = (certifications: (typeof approved)[]) =>
      evaluateListingGate({ product_status: "published", producer_status: "active", certifications, now })
    expect(gate([approved, renewal]).certification_id).toBe("c2")
    expect(gate([renewal, approved]).certification_id).toBe("c2")
    // the renewal revoked: the older certificate, still valid, lists the product again
    expect(gate([approved, { ...renewal, status: "revoked" }])).toEqual({
      listed: true,
      certification_id: "c1",
      reasons: [],
    })
  })
  it("needs a producer", () => {
    expect(
      evaluateListingGate({ product_status: "published", producer_status: null, certifications: [approved], now })
        .reasons
    ).toEqual(["no_producer"])
  })
})
