import { z } from "@medusajs/framework/zod"
import { vietnameseMobile } from "../admin/ocop/validators"
import { webUrl } from "../utils/web-url"

const price = z.coerce.number().int("VND has no decimals: enter a whole number of đồng.").min(1000, "Price must be at least 1.000 ₫.").max(1_000_000_000)

export const VendorUpdateMe = z.object({
  name: z.string().trim().min(2).optional(),
  story: z.string().max(5000).optional().nullable(),
  phone: vietnameseMobile.optional().nullable(),
  ward: z.string().trim().optional().nullable(),
  address: z.string().trim().optional().nullable(),
  logo_url: webUrl.optional().nullable(),
}).strict()

export const VendorCreateProduct = z.object({
  title: z.string().trim().min(2, "Title is required."),
  title_en: z.string().trim().optional(),
  description: z.string().optional(),
  unit: z.string().trim().optional(),
  price,
}).strict()

export const VendorUpdateProduct = z.object({
  title: z.string().trim().min(2).optional(),
  description: z.string().optional(),
  status: z.enum(["draft", "published"]).optional(),
  price: price.optional(),
}).strict()

export const VendorListProducts = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
