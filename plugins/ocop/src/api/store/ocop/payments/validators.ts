import { z } from "@medusajs/framework/zod"
import { VnpayIpnQuery } from "../../../hooks/ocop/validators"

export const StoreOrderPaymentQuery = z.object({ key: z.string().max(100).optional() }).strict()

export const StoreVnpayRedirect = z
  .object({ key: z.string().max(100).optional(), locale: z.enum(["vi", "en"]).default("vi") })
  .strict()

/** The query VNPay put on the shopper's return URL, passed on by the storefront to be checked here. */
export const StoreVnpayReturn = VnpayIpnQuery
