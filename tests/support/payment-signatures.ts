/**
 * Payment notifications as the aggregators sign them, written from their published descriptions
 * (not from our backend's code), for the integration and end-to-end tests.
 * - payOS: HMAC-SHA256 (hex) of `data`'s fields sorted by name, joined as key=value&…, null → "".
 * - VNPay: HMAC-SHA512 (hex) of the vnp_* fields except vnp_SecureHash(Type), sorted by name,
 *   each value URL-encoded with spaces as "+", joined as key=value&….
 */
import { createHmac, randomBytes } from "node:crypto"

export function payosSignature(data: Record<string, unknown>, checksumKey: string): string {
  const text = Object.keys(data)
    .sort()
    .map((k) => `${k}=${data[k] === null || data[k] === undefined ? "" : data[k]}`)
    .join("&")
  return createHmac("sha256", checksumKey).update(text).digest("hex")
}

export type PayosTransfer = { amount: number; description: string; reference?: string; accountNumber?: string }

/** A payOS notification of a transfer that arrived, signed with `checksumKey`. */
export function payosNotification(transfer: PayosTransfer, checksumKey: string) {
  const data = {
    orderCode: 0,
    amount: transfer.amount,
    description: transfer.description,
    accountNumber: transfer.accountNumber ?? "0011001234567",
    reference: transfer.reference ?? `FT${randomBytes(6).toString("hex").toUpperCase()}`,
    transactionDateTime: "2026-11-30 08:15:00",
    currency: "VND",
    paymentLinkId: "",
    code: "00",
    desc: "success",
    counterAccountBankId: "970422",
    counterAccountBankName: "MB Bank",
    counterAccountName: "NGUYEN VAN AN",
    counterAccountNumber: "0123456789",
    virtualAccountName: null,
    virtualAccountNumber: null,
  }
  return { code: "00", desc: "success", success: true, data, signature: payosSignature(data, checksumKey) }
}

export function vnpaySignature(params: Record<string, string>, hashSecret: string): string {
  const text = Object.keys(params)
    .filter((k) => k.startsWith("vnp_") && k !== "vnp_SecureHash" && k !== "vnp_SecureHashType")
    .sort()
    .map((k) => `${k}=${encodeURIComponent(params[k]).replace(/%20/g, "+")}`)
    .join("&")
  return createHmac("sha512", hashSecret).update(Buffer.from(text, "utf-8")).digest("hex")
}

/** The query of a VNPay IPN call for a paid transaction, signed with `hashSecret`. */
export function vnpayIpnQuery(
  payment: { tmnCode: string; txnRef: string; amount: number; transactionNo?: string; responseCode?: string },
  hashSecret: string
): Record<string, string> {
  const params: Record<string, string> = {
    vnp_Amount: String(payment.amount * 100),
    vnp_BankCode: "NCB",
    vnp_BankTranNo: "VNP14422574",
    vnp_CardType: "ATM",
    vnp_OrderInfo: `Thanh toan don hang ${payment.txnRef}`,
    vnp_PayDate: "20261130081500",
    vnp_ResponseCode: payment.responseCode ?? "00",
    vnp_TmnCode: payment.tmnCode,
    vnp_TransactionNo: payment.transactionNo ?? String(14000000 + Math.floor(Math.random() * 999999)),
    vnp_TransactionStatus: payment.responseCode ?? "00",
    vnp_TxnRef: payment.txnRef,
  }
  return { ...params, vnp_SecureHash: vnpaySignature(params, hashSecret) }
}
