import { z } from "@medusajs/framework/zod"

const line = {
  variant_id: z.string().trim().min(1, "Choose a product variant.").max(100),
  quantity: z.number().int("Give a whole number of units.").min(1, "Add at least one unit.").max(10000),
}

/** POST /store/ocop/carts/:id/line-items: one product into the shopper's open cart. */
export const StoreAddCartLine = z.object(line).strict()

/** POST /store/ocop/carts: a new cart holding its first line (the shopper had none). */
export const StoreCreateCartWithLine = z
  .object({ ...line, region_id: z.string().trim().min(1).max(100).optional() })
  .strict()

export type StoreAddCartLineBody = z.infer<typeof StoreAddCartLine>
export type StoreCreateCartWithLineBody = z.infer<typeof StoreCreateCartWithLine>
