import { z } from "@medusajs/framework/zod"
import { CertificationFields, vietnameseMobile } from "../admin/ocop/validators"
import { webUrl } from "../utils/web-url"
import { validityWindowErrors } from "../../lib/validity"

const price = z.coerce
  .number()
  .int("VND has no decimals: enter a whole number of đồng.")
  .min(1000, "Price must be at least 1.000 ₫.")
  .max(1_000_000_000)

export const VendorUpdateMe = z
  .object({
    name: z.string().trim().min(2).optional(),
    story: z.string().max(5000).optional().nullable(),
    phone: vietnameseMobile.optional().nullable(),
    ward: z.string().trim().optional().nullable(),
    address: z.string().trim().optional().nullable(),
    logo_url: webUrl.optional().nullable(),
  })
  .strict()

export const VendorCreateProduct = z
  .object({
    title: z.string().trim().min(2, "Title is required."),
    title_en: z.string().trim().optional(),
    description: z.string().optional(),
    unit: z.string().trim().optional(),
    price,
  })
  .strict()

export const VendorUpdateProduct = z
  .object({
    title: z.string().trim().min(2).optional(),
    description: z.string().optional(),
    status: z.enum(["draft", "published"]).optional(),
    price: price.optional(),
  })
  .strict()

export const VendorListProducts = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

/**
 * A producer's certificate submission. The province (which trade centre decides) and the validity
 * (set by the decision: 36 months from it unless it says otherwise) are the server's: sending a
 * validity is a 400 naming the field, and so is a province other than the producer's own
 * (middlewares.ts compares it with the producer), so a client never believes it chose them.
 */
const decidedByServer = (message: string) =>
  z
    .any()
    .refine((v) => v === undefined || v === null || v === "", { message })
    .optional()

export const VendorSubmitCertification = CertificationFields.omit({
  province_code: true,
  valid_from: true,
  expires_at: true,
})
  .extend({
    province_code: z.string().max(10).optional().nullable(),
    valid_from: decidedByServer(
      "Validity is set by the decision (36 months from the recognition decision); leave valid_from out."
    ),
    expires_at: decidedByServer(
      "Validity is set by the decision (36 months from the recognition decision); leave expires_at out."
    ),
  })
  .superRefine((v, ctx) => {
    for (const [field, message] of Object.entries(validityWindowErrors({ decision_date: v.decision_date }))) {
      ctx.addIssue({ code: "custom", path: [field], message })
    }
  })

/** A producer ships some (or, without item_ids, all) of its items in an order. */
export const VendorCreateFulfillment = z.object({ item_ids: z.array(z.string()).min(1).max(500).optional() })

/** A producer hands its part to a carrier: who carries it and the number the shopper can track. */
export const VendorShipOrderPart = z
  .object({
    carrier: z
      .string()
      .trim()
      .min(2, "Name the carrier (2–80 characters).")
      .max(80, "Name the carrier (2–80 characters)."),
    tracking_number: z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9 .\-/]{2,39}$/,
        "Use the carrier's tracking number: 3–40 letters, digits, spaces, '.', '-' or '/'."
      ),
    item_ids: z.array(z.string()).min(1).max(500).optional(),
  })
  .strict()

/** A shipped part was delivered, or came back. */
export const VendorChangeOrderPartStatus = z.object({ action: z.enum(["deliver", "return"]) }).strict()
