import { describe, expect, it } from "vitest"
import { allowedOrderPartActions, orderPartStatus, orderPartTransition, shipmentOf } from "./order-parts"

const shipped = {
  id: "ful_1",
  metadata: { ocop_status: "shipped", ocop_carrier: "GHN", ocop_tracking_number: "GHN123" },
}

describe("order part status", () => {
  it("is placed until a live fulfilment exists, then follows the fulfilment's state", () => {
    expect(orderPartStatus("pending", [])).toBe("placed")
    expect(orderPartStatus("pending", [{ ...shipped, canceled_at: new Date() }])).toBe("placed")
    expect(orderPartStatus("pending", [shipped])).toBe("shipped")
    expect(orderPartStatus("pending", [{ id: "f", metadata: { ocop_status: "delivered" } }])).toBe("delivered")
    expect(orderPartStatus("pending", [{ id: "f", metadata: null }])).toBe("shipped")
    expect(orderPartStatus("canceled", [shipped])).toBe("cancelled")
  })

  it("allows ship → deliver → return and refuses the rest in both languages", () => {
    expect(orderPartTransition("placed", "ship")).toEqual({ to: "shipped" })
    expect(orderPartTransition("shipped", "deliver")).toEqual({ to: "delivered" })
    expect(orderPartTransition("delivered", "return")).toEqual({ to: "returned" })
    const refused = orderPartTransition("delivered", "deliver")
    expect("error" in refused && refused.error).toMatch(/không thể xác nhận đã giao.*EN: .*"delivered"/)
    expect("error" in orderPartTransition("cancelled", "ship")).toBe(true)
    expect(allowedOrderPartActions("placed")).toEqual(["ship"])
    expect(allowedOrderPartActions("shipped")).toEqual(["deliver", "return"])
    expect(allowedOrderPartActions("returned")).toEqual([])
  })

  it("reads the carrier and tracking number from the fulfilment", () => {
    expect(shipmentOf([shipped])).toMatchObject({ carrier: "GHN", tracking_number: "GHN123" })
    expect(shipmentOf([])).toMatchObject({ carrier: null, tracking_number: null })
  })
})
