import { z } from "@medusajs/framework/zod"
import { findProductGroup } from "../../lib/product-groups"
import { ALL_GROUPS, MONTH_PATTERN } from "../../lib/statements"

const month = z.string().regex(MONTH_PATTERN, "Give a month as YYYY-MM (e.g. 2026-11).")

/** Whole đồng: VND has no decimals; a trillion đồng is more than any one order or payout. */
const vnd = z.coerce
  .number({ message: "Give an amount in whole đồng." })
  .int("VND has no decimals: enter a whole number of đồng.")
  .min(1, "The amount must be at least 1 ₫.")
  .max(1_000_000_000_000, "The amount is too large.")

/** An instant that has happened (a collection or transfer is recorded after the fact). */
const pastInstant = z
  .string()
  .datetime({ offset: true, message: "Give a date and time in ISO 8601 (e.g. 2026-11-30T09:00:00+07:00)." })
  .refine((v) => new Date(v).getTime() <= Date.now() + 5 * 60_000, "This time is in the future.")

export const StatementQuery = z.object({ month: month.optional() }).strict()

export const VendorRecordCashCollection = z
  .object({ amount: vnd, collected_at: pastInstant.optional().nullable() })
  .strict()

export const AdminRecordCashCollection = z
  .object({
    producer_id: z.string().trim().min(1, "producer_id is required.").max(64),
    amount: vnd,
    collected_by: z.enum(["producer", "platform"], { message: "collected_by is producer or platform." }),
    collected_at: pastInstant.optional().nullable(),
  })
  .strict()

export const AdminRecordPayout = z
  .object({
    producer_id: z.string().trim().min(1, "producer_id is required.").max(64),
    month,
    amount: vnd,
    bank_reference: z
      .string()
      .trim()
      .min(3, "Give the bank's transaction reference.")
      .max(64)
      .regex(/^[\p{L}\p{N} ._/:-]+$/u, "Letters, digits, spaces and . _ / : - only."),
    paid_at: pastInstant.optional().nullable(),
  })
  .strict()

export const AdminSetCommissionRate = z
  .object({
    product_group: z
      .string()
      .trim()
      .refine(
        (g) => g === ALL_GROUPS || !!findProductGroup(g),
        "Give an OCOP product group slug, or * for all groups."
      ),
    /** Basis points of net sales: 800 = 8%. */
    rate_bps: z.coerce.number().int("Whole basis points (800 = 8%).").min(0).max(5000, "At most 5000 (50%)."),
    effective_from: month,
  })
  .strict()
