import { describe, expect, it } from "vitest"
import { QRPay } from "vietnam-qr-pay"
import {
  bankTransferAccount,
  newTransferReference,
  referenceIn,
  unpaidOrderMinutes,
  vietQrPayload,
} from "./bank-transfer"
import { settlementDecision } from "./payment-settlement"
import type { PrepaidPayment } from "./prepaid-orders"

const ACCOUNT = { bank_bin: "970436", account_number: "0011001234567", account_name: "CHO OCOP", bank_name: null }

describe("bank transfer configuration", () => {
  it("is off when nothing is set: there is no default account", () => {
    expect(bankTransferAccount({})).toBeNull()
  })
  it("refuses a half or wrong configuration, naming what is wrong", () => {
    expect(() => bankTransferAccount({ OCOP_VIETQR_ACCOUNT_NUMBER: "0011001234567" })).toThrow(/bank_bin.*account_name/)
    expect(() =>
      bankTransferAccount({
        OCOP_VIETQR_BANK_BIN: "97043",
        OCOP_VIETQR_ACCOUNT_NUMBER: "1",
        OCOP_VIETQR_ACCOUNT_NAME: "A",
      })
    ).toThrow(/bank_bin.*account_number/)
  })
  it("the unpaid time-out is 24 hours unless set to a whole number of minutes", () => {
    expect(unpaidOrderMinutes({})).toBe(1440)
    expect(unpaidOrderMinutes({ OCOP_UNPAID_ORDER_MINUTES: "90" })).toBe(90)
    expect(() => unpaidOrderMinutes({ OCOP_UNPAID_ORDER_MINUTES: "0" })).toThrow()
  })
})

describe("transfer reference and VietQR payload", () => {
  it("references are short, unambiguous and found again in a bank's description", () => {
    const refs = new Set(Array.from({ length: 500 }, newTransferReference))
    expect(refs.size).toBe(500)
    for (const r of refs) expect(r).toMatch(/^OCOP[2-9A-HJKMNP-Z]{8}$/)
    const [ref] = refs
    expect(referenceIn(`MBVCB.1234.${ref.toLowerCase()}.CT tu 0123 NGUYEN VAN AN`)).toBe(ref)
    expect(referenceIn("chuyen tien hang")).toBeNull()
  })
  it("the payload is a valid dynamic VietQR for the account, amount and reference", () => {
    const payload = vietQrPayload(ACCOUNT, 350000, "OCOP7K3M9Q2X")
    const qr = new QRPay(payload)
    expect(qr.isValid).toBe(true)
    expect(payload.startsWith("000201010212")).toBe(true)
    expect(qr.consumer).toMatchObject({ bankBin: "970436", bankNumber: "0011001234567" })
    expect(qr.amount).toBe("350000")
    expect(qr.additionalData?.purpose).toBe("OCOP7K3M9Q2X")
    expect(() => vietQrPayload(ACCOUNT, 1.5, "OCOP7K3M9Q2X")).toThrow(/whole đồng/)
  })
})

describe("settlement decision", () => {
  const waiting: PrepaidPayment = {
    payment_id: "pay_1",
    provider_id: "pp_vietqr_vietqr",
    order_id: "order_1",
    order_status: "pending",
    amount: 350000,
    reference: "OCOP7K3M9Q2X",
    captured: false,
    canceled: false,
    created_at: new Date(),
  }
  it("applies only the exact amount to an order still waiting; holds everything else", () => {
    expect(settlementDecision(waiting, 350000)).toEqual({ outcome: "applied" })
    expect(settlementDecision(waiting, 349999)).toEqual({ outcome: "held", reason: "amount_mismatch" })
    expect(settlementDecision(waiting, 350001)).toEqual({ outcome: "held", reason: "amount_mismatch" })
    expect(settlementDecision(null, 350000)).toEqual({ outcome: "held", reason: "unknown_reference" })
    expect(settlementDecision({ ...waiting, captured: true }, 350000)).toMatchObject({ reason: "already_paid" })
    expect(settlementDecision({ ...waiting, order_status: "canceled" }, 350000)).toMatchObject({
      reason: "order_cancelled",
    })
  })
})
