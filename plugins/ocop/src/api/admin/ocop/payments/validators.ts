import { z } from "@medusajs/framework/zod"

export const AdminListPaymentNotifications = z
  .object({
    outcome: z.enum(["received", "applied", "held", "resolved"]).optional(),
    order_id: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

const note = z.string().trim().min(3, "say in a few words how the money was checked").max(500)

export const AdminConfirmPayment = z.object({ note }).strict()
export const AdminResolveNotification = z.object({ note }).strict()
