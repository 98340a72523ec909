import { z } from "@medusajs/framework/zod"
import { PRODUCER_ENTITY_TYPES } from "../../../modules/ocop/models/producer"
import { findProductGroup } from "../../../lib/product-groups"
import { SITEMAP_KINDS } from "../../../lib/sitemap"
import { findProvince } from "../../../lib/provinces"

export const StoreListProducers = z.object({
  province: z
    .string()
    .refine((v) => !!findProvince(v), {
      message: 'Unknown province (use a slug such as "lam-dong", a code, or a former province name).',
    })
    .optional(),
  entity_type: z.enum(PRODUCER_ENTITY_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export const StoreListings = z.object({
  product_id: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string()).min(1).max(100)),
})

export const StoreVerify = z.object({
  code: z.string().trim().min(1, "Enter a certificate number or traceability code.").max(200),
})

export const StoreFeaturedLists = z.object({
  placement: z.enum(["home", "province", "campaign"]).default("home"),
  province: z
    .string()
    .refine((v) => !!findProvince(v), { message: "Unknown province." })
    .optional(),
})

/** The order page's query: the key of the order's link, when it was opened from the email. */
export const StoreOrderQuery = z.object({ key: z.string().max(100).optional() })

export const StoreShowcase = z
  .object({
    province: z
      .string()
      .refine((v) => !!findProvince(v), { message: "Unknown province." })
      .optional(),
    group: z
      .string()
      .refine((v) => !!findProductGroup(v), { message: "Unknown product group." })
      .optional(),
  })
  .refine((q) => !(q.province && q.group), { message: "Give a province or a group, not both.", path: ["group"] })

export const StoreSitemap = z.object({
  kind: z.enum(SITEMAP_KINDS),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(10_000).default(5_000),
})
