import { z } from "@medusajs/framework/zod"
import { PRODUCER_ENTITY_TYPES } from "../../../modules/ocop/models/producer"
import { isProvinceCode } from "../../../lib/provinces"
import { webUrl } from "../../utils/web-url"
import { normalizeVietnameseMobile, VN_MOBILE_MESSAGE } from "../../../lib/phone"
import { validityWindowErrors } from "../../../lib/validity"

/** Typed as people write it ("0912 345 678", "+84 912…"), stored as E.164 (lib/phone.ts). */
export const vietnameseMobile = z.string().transform((v, ctx) => {
  const phone = normalizeVietnameseMobile(v)
  if (!phone) {
    ctx.addIssue({ code: "custom", message: VN_MOBILE_MESSAGE })
    return z.NEVER
  }
  return phone
})
const provinceCode = z
  .string()
  .refine(isProvinceCode, { message: 'Unknown province code (use one of the 34 current units, e.g. "01" for Hà Nội).' })
/** A date as YYYY-MM-DD (or ISO), within years the database and the programme can mean. */
export const calendarDate = z.coerce
  .date({ message: "Enter a date as YYYY-MM-DD." })
  .refine((d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 2200, {
    message: "Enter a date between the years 1900 and 2200.",
  })
const date = calendarDate

/** Validity windows keep the rules: at most 36 months, starting on or after a decision that is not in the future. */
function refuseOutOfRuleValidity(
  v: { valid_from?: Date | null; expires_at?: Date | null; decision_date?: Date | null },
  ctx: z.RefinementCtx
) {
  for (const [field, message] of Object.entries(validityWindowErrors(v)))
    ctx.addIssue({ code: "custom", path: [field], message })
}

export const AdminCreateProducer = z.object({
  name: z.string().trim().min(2, "Name is required."),
  handle: z
    .string()
    .regex(/^[a-z0-9-]+$/, "Use lowercase letters, digits and dashes.")
    .optional(),
  entity_type: z.enum(PRODUCER_ENTITY_TYPES),
  province_code: provinceCode,
  /** The pre-2025 province of the address, when it merged into province_code (e.g. "60" Bình Thuận). */
  former_province_code: z
    .string()
    .regex(/^\d{2}$/, "Use the two-digit code of a province before 2025-07-01.")
    .optional()
    .nullable(),
  ward: z.string().trim().optional().nullable(),
  address: z.string().trim().optional().nullable(),
  phone: vietnameseMobile.optional().nullable(),
  email: z.string().email("Enter a valid email address.").optional().nullable(),
  story: z.string().optional().nullable(),
  logo_url: webUrl.optional().nullable(),
})

export const AdminProducerAction = z.object({
  reason: z.string().trim().max(1000).optional().nullable(),
})

export const AdminListProducers = z.object({
  province_code: z.string().optional(),
  status: z.enum(["pending", "active", "suspended"]).optional(),
  q: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

/** The fields of a certification record; operators send them all, producers a subset (vendor/validators.ts). */
export const CertificationFields = z.object({
  product_id: z.string().min(1, "product_id is required."),
  stars: z.coerce
    .number()
    .int("Stars must be a whole number.")
    .min(3, "OCOP certification is only for 3, 4 or 5 stars.")
    .max(5, "OCOP certification is only for 3, 4 or 5 stars."),
  score: z.coerce
    .number()
    .min(0, "Score must be between 0 and 100.")
    .max(100, "Score must be between 0 and 100.")
    .optional()
    .nullable(),
  score_parts: z
    .object({ a: z.number().min(0).max(40), b: z.number().min(0).max(25), c: z.number().min(0).max(35) })
    .optional()
    .nullable(),
  group_slug: z.string().min(1),
  subgroup_slug: z.string().optional().nullable(),
  certificate_number: z.string().trim().min(1, "Certificate number is required."),
  decision_number: z.string().trim().optional().nullable(),
  decision_date: date.optional().nullable(),
  issuing_authority: z.string().trim().min(2, "Issuing authority is required."),
  province_code: provinceCode,
  legal_basis: z.string().optional(),
  valid_from: date.optional().nullable(),
  expires_at: date.optional().nullable(),
  evidence: z
    .array(z.object({ name: z.string(), url: webUrl }))
    .optional()
    .nullable(),
  traceability_code: z.string().trim().optional().nullable(),
  traceability_url: webUrl.optional().nullable(),
  potential_five_star: z.boolean().optional(),
  recognition_type: z.enum(["new", "re_recognition", "upgrade"]).optional(),
})

export const AdminSubmitCertification = CertificationFields.superRefine(refuseOutOfRuleValidity)

export const AdminCertificationAction = z
  .object({
    reason: z.string().trim().max(2000).optional().nullable(),
    valid_from: date.optional().nullable(),
    expires_at: date.optional().nullable(),
    decision_number: z.string().trim().optional().nullable(),
    decision_date: date.optional().nullable(),
  })
  .superRefine(refuseOutOfRuleValidity)

export const AdminRenewCertification = z
  .object({
    stars: z.coerce
      .number()
      .int()
      .min(3, "OCOP certification is only for 3, 4 or 5 stars.")
      .max(5, "OCOP certification is only for 3, 4 or 5 stars."),
    score: z.coerce.number().min(0).max(100).optional().nullable(),
    certificate_number: z.string().trim().min(1),
    decision_number: z.string().trim().optional().nullable(),
    decision_date: date.optional().nullable(),
    issuing_authority: z.string().trim().optional(),
    valid_from: date.optional().nullable(),
    expires_at: date.optional().nullable(),
  })
  .superRefine(refuseOutOfRuleValidity)

export const AdminListCertifications = z.object({
  product_id: z.string().optional(),
  status: z.enum(["submitted", "approved", "rejected", "expired", "revoked", "suspended"]).optional(),
  province_code: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export const AdminAttachProducer = z.object({ producer_id: z.string().min(1) })
export const AdminRefreshListings = z.object({ product_ids: z.array(z.string()).max(1000).optional() })

/** A provincial trade-promotion centre: one per province. */
export const AdminCreateTradeCenter = z.object({
  name: z.string().trim().min(2),
  province_code: AdminCreateProducer.shape.province_code,
  email: z.string().email().optional().nullable(),
  phone: z.string().optional().nullable(),
  address: z.string().optional().nullable(),
})

export const AdminCreateCurator = z.object({
  email: z.string().email("Enter a valid email address."),
  password: z.string(),
})

/** A featured list's body, for the platform (admin) and for a trade centre's curators. */
export const FeaturedListBody = z
  .object({
    title_vi: z.string().trim().min(2, "A Vietnamese title is required."),
    title_en: z.string().trim().optional().nullable(),
    placement: z.enum(["home", "province", "campaign"]),
    province_code: AdminCreateProducer.shape.province_code.optional().nullable(),
    product_ids: z
      .array(z.string().min(1))
      .min(1, "Pick at least one product.")
      .max(48, "At most 48 products per list."),
    starts_at: calendarDate.optional().nullable(),
    ends_at: calendarDate.optional().nullable(),
  })
  .refine((v) => !v.starts_at || !v.ends_at || v.ends_at > v.starts_at, {
    path: ["ends_at"],
    message: "ends_at must be after starts_at.",
  })
