import { z } from "@medusajs/framework/zod"
import { CertificationFields, vietnameseMobile } from "../admin/ocop/validators"
import { webUrl } from "../utils/web-url"
import { validityWindowErrors } from "../../lib/validity"
import { findProductGroup, findSubgroup } from "../../lib/product-groups"

const price = z.coerce
  .number()
  .int("VND has no decimals: enter a whole number of đồng.")
  .min(1000, "Price must be at least 1.000 ₫.")
  .max(1_000_000_000)

const uploadId = z.string().trim().min(1, "upload_id is required.").max(64)

export const VendorUpdateMe = z
  .object({
    name: z.string().trim().min(2).optional(),
    story: z.string().max(5000).optional().nullable(),
    phone: vietnameseMobile.optional().nullable(),
    ward: z.string().trim().optional().nullable(),
    address: z.string().trim().optional().nullable(),
    logo_url: webUrl.optional().nullable(),
    /** An upload of this producer with purpose "logo" (see POST /vendor/uploads); null removes the logo. */
    logo_upload_id: uploadId.optional().nullable(),
  })
  .strict()

/** Photos in display order (the first is the thumbnail), each an upload of this producer with its alt text. */
const productImages = z
  .array(
    z
      .object({
        upload_id: uploadId.optional(),
        /** A photo the product already shows (its stored `/ocop/files/…` URL), kept on an edit. */
        url: z.string().trim().max(300).optional(),
        alt: z.string().trim().max(200).optional().nullable(),
      })
      .strict()
      .refine((i) => Boolean(i.upload_id) !== Boolean(i.url), {
        message: "Give either upload_id (a new photo) or url (a photo the product already has).",
        path: ["upload_id"],
      })
  )
  .max(10, "At most 10 photos per product.")

const productFields = {
  title_en: z.string().trim().max(200).optional().nullable(),
  description: z.string().max(10000).optional(),
  description_en: z.string().max(10000).optional().nullable(),
  unit: z.string().trim().max(50).optional().nullable(),
  /** Grams, as Medusa's product weight. */
  weight: z.coerce.number().int("Weight is a whole number of grams.").min(1).max(1_000_000).optional().nullable(),
  group_slug: z.string().trim().max(80).optional().nullable(),
  subgroup_slug: z.string().trim().max(80).optional().nullable(),
  images: productImages.optional(),
  /** Units in stock (decision 019); once given, the product's stock is tracked and checked at the cart. */
  stock: z
    .number({ message: "Stock is a whole number of units." })
    .int("Stock is a whole number of units.")
    .min(0, "Stock cannot be negative.")
    .max(1_000_000, "Stock is at most 1,000,000 units.")
    .optional(),
}

/** The group and sub-group name OCOP's product groups (checked together: a sub-group belongs to its group). */
function refuseUnknownGroup(v: { group_slug?: string | null; subgroup_slug?: string | null }, ctx: z.RefinementCtx) {
  const group = v.group_slug ? findProductGroup(v.group_slug) : undefined
  if (v.group_slug && !group)
    ctx.addIssue({ code: "custom", path: ["group_slug"], message: `Unknown OCOP product group "${v.group_slug}".` })
  if (v.subgroup_slug) {
    const sub = findSubgroup(v.subgroup_slug)
    if (!sub)
      ctx.addIssue({ code: "custom", path: ["subgroup_slug"], message: `Unknown OCOP subgroup "${v.subgroup_slug}".` })
    else if (!v.group_slug || (group && sub.group.slug !== group.slug))
      ctx.addIssue({
        code: "custom",
        path: ["subgroup_slug"],
        message: `Subgroup "${v.subgroup_slug}" is not part of group "${v.group_slug ?? ""}".`,
      })
  }
}

export const VendorCreateProduct = z
  .object({ title: z.string().trim().min(2, "Title is required."), price, ...productFields })
  .strict()
  .superRefine(refuseUnknownGroup)

export const VendorUpdateProduct = z
  .object({
    title: z.string().trim().min(2).optional(),
    status: z.enum(["draft", "published"]).optional(),
    price: price.optional(),
    ...productFields,
  })
  .strict()
  .superRefine(refuseUnknownGroup)

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
  issuing_authority: true,
})
  .extend({
    /** Derived by the server from the stars and the province (lib/certification-rules.ts); if sent, it must agree. */
    issuing_authority: z.string().trim().max(200).optional().nullable(),
    /** The scanned certificate: an upload of this producer with purpose "certificate_scan". */
    scan_upload_id: uploadId.optional().nullable(),
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

/** A second login for the producer's shop; the password rules are checked by enforcePasswordPolicy. */
export const VendorInviteMember = z.object({
  email: z.string().email("Enter a valid email address."),
  password: z.string(),
})
