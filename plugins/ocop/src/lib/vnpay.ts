// The package's types are declared for ESM only; its CommonJS build is what this plugin loads.
type VnpayLibrary = typeof import("vnpay", { with: { "resolution-mode": "import" }})
type ReturnQueryFromVNPay = Parameters<InstanceType<VnpayLibrary["VNPay"]>["verifyIpnCall"]>[0]
const { HashAlgorithm, VNPay, VnpLocale, ProductCode }: VnpayLibrary = require("vnpay")

/**
 * VNPay card / e-wallet gateway (decision 017): the shopper is sent to VNPay with a URL signed by
 * HMAC-SHA512 under the merchant's hash secret; VNPay calls our IPN with a signed query, and sends
 * the shopper back to the storefront's return URL. Amounts are whole đồng; the `vnpay` library
 * multiplies by 100 for vnp_Amount and divides back when verifying.
 */
type Env = Record<string, string | undefined>

export type VnpayConfig = { tmnCode: string; hashSecret: string; host: string }

// VNPay's public sandbox host; the merchant's own gateway host comes from OCOP_VNPAY_HOST.
const SANDBOX_HOST = "https://sandbox.vnpayment.vn"

export function vnpayConfig(env: Env = process.env): VnpayConfig | null {
  const tmnCode = env.OCOP_VNPAY_TMN_CODE?.trim()
  const hashSecret = env.OCOP_VNPAY_HASH_SECRET?.trim()
  if (!tmnCode || !hashSecret) return null
  return { tmnCode, hashSecret, host: env.OCOP_VNPAY_HOST?.trim() || SANDBOX_HOST }
}

function client(config: VnpayConfig) {
  return new VNPay({
    tmnCode: config.tmnCode,
    secureSecret: config.hashSecret,
    vnpayHost: config.host,
    testMode: config.host === SANDBOX_HOST,
    hashAlgorithm: HashAlgorithm.SHA512,
    enableLog: false,
  })
}

export type VnpayPaymentRequest = {
  amount: number
  txnRef: string
  orderInfo: string
  ipAddr: string
  returnUrl: string
  locale: "vi" | "en"
  /** yyyyMMddHHmmss in Việt Nam time; the library's clock when left out. */
  createDate?: number
}

export function vnpayPaymentUrl(config: VnpayConfig, request: VnpayPaymentRequest): string {
  if (!Number.isSafeInteger(request.amount) || request.amount <= 0)
    throw new Error(`amount must be whole đồng, got ${request.amount}`)
  return client(config).buildPaymentUrl({
    vnp_Amount: request.amount,
    vnp_IpAddr: request.ipAddr,
    vnp_TxnRef: request.txnRef,
    vnp_OrderInfo: request.orderInfo,
    vnp_OrderType: ProductCode.Other,
    vnp_ReturnUrl: request.returnUrl,
    vnp_Locale: request.locale === "en" ? VnpLocale.EN : VnpLocale.VN,
    ...(request.createDate ? { vnp_CreateDate: request.createDate } : {}),
  })
}

export type VnpayVerdict = {
  verified: boolean
  success: boolean
  txnRef: string
  /** Whole đồng (vnp_Amount / 100). */
  amount: number
  transactionNo: string
}

/** Checks the signature of an IPN call or a return URL's query (both are signed the same way). */
export function verifyVnpayQuery(config: VnpayConfig, query: Record<string, string>): VnpayVerdict {
  const result = client(config).verifyIpnCall(query as unknown as ReturnQueryFromVNPay)
  return {
    verified: result.isVerified,
    success: result.isVerified && result.isSuccess,
    txnRef: String(query.vnp_TxnRef ?? ""),
    amount: Number(query.vnp_Amount) / 100,
    transactionNo: String(query.vnp_TransactionNo ?? ""),
  }
}
