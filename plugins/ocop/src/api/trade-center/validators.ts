import { z } from "@medusajs/framework/zod"
import { AdminListCertifications } from "../admin/ocop/validators"

/** A curator lists its own province's certifications: the province and product filters are not theirs. */
export const CuratorListCertifications = AdminListCertifications.omit({ province_code: true, product_id: true })

/** The province's products to feature, found by name. */
export const CuratorListProducts = z
  .object({
    q: z.string().trim().max(100, "Search at most 100 characters.").optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .strict()

/** The producers of the curator's province, by status (the province is the centre's, never a parameter). */
export const CuratorListProducers = z
  .object({
    status: z.enum(["pending", "active", "suspended"]).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
