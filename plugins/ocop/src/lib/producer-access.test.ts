import { describe, expect, it } from "vitest"
import { vendorRefusal, vendorRefusalText } from "./producer-access"

describe("what a producer may do in its portal", () => {
  const routes: [string, string][] = [
    ["GET", "/vendor/me"],
    ["POST", "/vendor/me"],
    ["GET", "/vendor/products"],
    ["POST", "/vendor/products"],
    ["GET", "/vendor/products/prod_1"],
    ["POST", "/vendor/products/prod_1"],
    ["GET", "/vendor/certifications"],
    ["POST", "/vendor/certifications"],
    ["GET", "/vendor/orders"],
    ["GET", "/vendor/orders/order_1"],
    ["POST", "/vendor/orders/order_1/fulfillments"],
  ]
  const allowed = (status: string) =>
    routes.filter(([m, p]) => vendorRefusal(status, m, p) === null).map(([m, p]) => `${m} ${p}`)

  it("an active producer may do everything", () => {
    expect(allowed("active")).toHaveLength(routes.length)
  })

  it("a pending producer may read, edit its profile and submit certificates — no products, no orders", () => {
    expect(allowed("pending")).toEqual([
      "GET /vendor/me",
      "POST /vendor/me",
      "GET /vendor/products",
      "GET /vendor/products/prod_1",
      "GET /vendor/certifications",
      "POST /vendor/certifications",
    ])
    expect(vendorRefusal("pending", "POST", "/vendor/products")).toBe("producer_pending")
  })

  it("a suspended producer may only read its profile; an unknown status is treated as suspended", () => {
    expect(allowed("suspended")).toEqual(["GET /vendor/me"])
    expect(allowed("deleted")).toEqual(["GET /vendor/me"])
    expect(vendorRefusal("suspended", "POST", "/vendor/me/")).toBe("producer_suspended")
  })

  it("explains the refusal in both languages, with the suspension reason", () => {
    const text = vendorRefusalText("producer_suspended", "Hồ sơ giả mạo")
    expect(text.vi).toContain("đình chỉ (lý do: Hồ sơ giả mạo)")
    expect(text.en).toContain("suspended (reason: Hồ sơ giả mạo)")
    expect(vendorRefusalText("producer_pending").vi).toContain("chờ duyệt")
  })
})
