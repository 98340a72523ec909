import { PayOS } from "@payos/node"

/**
 * payOS payment notifications (decision 017): payOS watches the platform's account and posts each
 * incoming transfer, `data` signed with HMAC-SHA256 under the checksum key (fields sorted by name,
 * joined as key=value&…). Verified with payOS's own SDK. The key comes from the environment only.
 */
export type PayosNotificationData = {
  orderCode: number
  amount: number
  description: string
  accountNumber: string
  reference: string
  transactionDateTime: string
  currency: string
  paymentLinkId: string
  code: string
  desc: string
  [field: string]: unknown
}

type Env = Record<string, string | undefined>

export function payosChecksumKey(env: Env = process.env): string | null {
  return env.OCOP_PAYOS_CHECKSUM_KEY?.trim() || null
}

/** The verified data, or null when the signature does not match (forged, or altered on the way). */
export async function verifiedPayosData(
  body: { data: Record<string, unknown>; signature: string; code?: string; desc?: string; success?: boolean },
  checksumKey: string
): Promise<PayosNotificationData | null> {
  // The client id and API key serve payOS's outgoing API calls, which we do not make here.
  const payos = new PayOS({
    clientId: process.env.OCOP_PAYOS_CLIENT_ID || "webhook-verification-only",
    apiKey: process.env.OCOP_PAYOS_API_KEY || "webhook-verification-only",
    checksumKey,
    logLevel: "off",
  })
  try {
    const data = await payos.webhooks.verify({
      code: String(body.code ?? ""),
      desc: String(body.desc ?? ""),
      success: body.success === true,
      data: body.data as unknown as PayosNotificationData,
      signature: body.signature,
    })
    return data as PayosNotificationData
  } catch {
    return null
  }
}
