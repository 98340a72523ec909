import { MedusaError } from "@medusajs/framework/utils"
import { describe, expect, it } from "vitest"
import { splitBilingual } from "./refusal-language"
import { paymentRefusal } from "./payment-refusal"

// Errors that name their kind need no read; the container is never asked for them.
const noContainer = {} as never

describe("the answer to a completion whose payment was not authorised", () => {
  it("a provider's own refusal is payment_refused, with the provider's words in both languages", async () => {
    const error = new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, "Your card was declined.")
    const refusal = await paymentRefusal(noContainer, "cart_1", error)
    expect(refusal).toMatchObject({ type: "payment_authorization_error", code: "payment_refused" })
    expect(refusal?.message_vi).toContain(
      "Thanh toán không được chấp nhận. Đơn vị thanh toán cho biết: Your card was declined."
    )
    expect(refusal?.message_en).toContain("The payment provider said: Your card was declined.")
    expect(splitBilingual(refusal?.message ?? "")).toEqual({ vi: refusal?.message_vi, en: refusal?.message_en })
  })

  it("a provider that needs the shopper again is payment_requires_more", async () => {
    const error = new MedusaError(MedusaError.Types.PAYMENT_REQUIRES_MORE_ERROR, "requires action")
    const refusal = await paymentRefusal(noContainer, "cart_1", error)
    expect(refusal?.code).toBe("payment_requires_more")
    expect(refusal?.message_vi).toMatch(/xác nhận/)
    expect(refusal?.message_en).toMatch(/confirm/)
  })

  it("any other error is not a payment refusal (the route lets it through)", async () => {
    for (const error of [
      new MedusaError(MedusaError.Types.NOT_ALLOWED, "Cart is already completed"),
      new MedusaError(MedusaError.Types.INVALID_DATA, "No shipping method selected"),
      new Error("boom"),
      null,
    ])
      expect(await paymentRefusal(noContainer, "cart_1", error)).toBeNull()
  })
})
