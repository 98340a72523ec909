import { describe, expect, it } from "vitest"
import { isOrderLinkKey, orderLinkKey } from "./order-link"

describe("order link key", () => {
  it("opens only the order it was made for, under the secret it was made with", () => {
    const key = orderLinkKey("order_1", "secret-a")
    expect(isOrderLinkKey("order_1", key, "secret-a")).toBe(true)
    expect(isOrderLinkKey("order_2", key, "secret-a")).toBe(false)
    expect(isOrderLinkKey("order_1", key, "secret-b")).toBe(false)
    expect(isOrderLinkKey("order_1", key.slice(1), "secret-a")).toBe(false)
    expect(isOrderLinkKey("order_1", undefined, "secret-a")).toBe(false)
  })
})
