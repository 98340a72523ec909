import { z } from "@medusajs/framework/zod"

const text = (max: number) => z.string().trim().min(1).max(max)

const CheckoutAddress = z
  .object({
    first_name: text(100).optional(),
    last_name: z.string().trim().max(100).optional(),
    phone: text(30).optional(),
    address_1: text(300).optional(),
    address_2: z.string().trim().max(300).optional(),
    city: text(200).optional(),
    province: text(200).optional(),
    postal_code: z.string().trim().max(20).optional(),
    country_code: z.string().trim().length(2).toLowerCase(),
  })
  .strict()

/** POST /store/ocop/checkout/:id — everything a checkout sets before the order is placed. */
export const StorePrepareCheckout = z
  .object({
    email: z.string().trim().email().max(320).optional(),
    shipping_address: CheckoutAddress,
    billing_address: CheckoutAddress.optional(),
    shipping_option_ids: z
      .array(z.string().trim().min(1).max(100))
      .min(1)
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, { message: "An option is named twice." }),
    provider_id: z.string().trim().min(1).max(100),
  })
  .strict()

export type StorePrepareCheckoutBody = z.infer<typeof StorePrepareCheckout>

/** POST /store/ocop/checkout/:id/complete — nothing to send: the cart holds the order (a stray field is refused). */
export const StoreCompleteCheckout = z.object({}).strict()
