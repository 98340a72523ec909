import { z } from "@medusajs/framework/zod"

const text = (max: number) => z.string().max(max)

/** A payOS payment notification (the fields payOS signs are kept as sent: unknown ones pass through). */
export const PayosNotification = z
  .object({
    code: text(10),
    desc: text(500),
    success: z.boolean().optional(),
    data: z
      .object({
        orderCode: z.number().int().nonnegative(),
        amount: z.number().int().positive(),
        description: text(500),
        accountNumber: text(40),
        reference: z.string().min(1).max(100),
        transactionDateTime: text(40),
        currency: z.literal("VND"),
        paymentLinkId: text(100),
        code: text(10),
        desc: text(500),
      })
      .passthrough(),
    signature: z.string().regex(/^[0-9a-f]{64}$/i, "must be the 64-hex-digit HMAC-SHA256 signature"),
  })
  .passthrough()
export type PayosNotificationBody = z.infer<typeof PayosNotification>

/** A VNPay IPN call (query string); every vnp_ field VNPay signs passes through to the check. */
export const VnpayIpnQuery = z
  .object({
    vnp_TmnCode: z.string().min(1).max(20),
    vnp_TxnRef: z.string().min(1).max(100),
    vnp_Amount: z.string().regex(/^\d{1,18}$/, "must be the amount × 100 in digits"),
    vnp_ResponseCode: z.string().regex(/^\d{2}$/, "must be two digits"),
    vnp_TransactionStatus: z
      .string()
      .regex(/^\d{2}$/, "must be two digits")
      .optional(),
    vnp_TransactionNo: z.string().min(1).max(30),
    vnp_SecureHash: z.string().regex(/^[0-9a-f]{128}$/i, "must be the 128-hex-digit HMAC-SHA512 signature"),
  })
  .passthrough()
