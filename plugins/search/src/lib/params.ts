/**
 * Query parameters of GET /store/ocop/search (and /suggest), validated with zod.
 * Every refusal names the parameter, so the route answers 400, never 500.
 */
import { z } from "zod"
import { findProvince, type ProvinceMatch } from "@ocop-marketplace/ocop/lib/provinces"
import { findProductGroup, findSubgroup } from "@ocop-marketplace/ocop/lib/product-groups"
import { refuseIllFormedText } from "@ocop-marketplace/ocop/lib/well-formed-text"
import { MAX_QUERY_LENGTH, normalizeQuery } from "./text"

export const SORTS = ["relevance", "stars", "price_asc", "price_desc", "newest"] as const
export const PRODUCER_TYPES = ["cooperative", "enterprise", "cooperative_group", "household"] as const
export const MAX_LIMIT = 100

// A single-valued parameter given twice is refused (400 naming it), not silently resolved.
const one = (v: unknown) => (Array.isArray(v) && v.length === 1 ? v[0] : v)
const many = (v: unknown): string[] =>
  v === undefined || v === null || v === ""
    ? []
    : (Array.isArray(v) ? v : [v])
        .flatMap((x) => String(x).split(","))
        .map((s) => s.trim())
        .filter(Boolean)
const intParam = (name: string, min: number, max?: number) =>
  z.preprocess(
    (v) => {
      const s = one(v)
      return s === undefined || s === "" ? undefined : s
    },
    z
      .string({ message: `${name} must be a whole number` })
      .regex(/^\d+$/, `${name} must be a whole number`)
      .transform(Number)
      .refine((n) => n >= min && (max === undefined || n <= max), `${name} must be between ${min} and ${max ?? "∞"}`)
      .optional()
  )

export const searchParamsSchema = z
  .object({
    q: z.preprocess(
      (v) => one(v),
      z
        .string()
        .max(MAX_QUERY_LENGTH * 2, `q must be at most ${MAX_QUERY_LENGTH} characters`)
        .optional()
    ),
    province: z.preprocess((v) => one(v), z.string().max(100).optional()),
    group: z.preprocess((v) => one(v), z.string().max(100).optional()),
    subgroup: z.preprocess((v) => one(v), z.string().max(100).optional()),
    stars: z.preprocess(many, z.array(z.enum(["3", "4", "5"], { message: "stars must be 3, 4 or 5" })).max(3)),
    min_price: intParam("min_price", 0, 1_000_000_000_000),
    max_price: intParam("max_price", 0, 1_000_000_000_000),
    producer_type: z.preprocess(
      many,
      z.array(z.enum(PRODUCER_TYPES, { message: `producer_type must be one of ${PRODUCER_TYPES.join(", ")}` })).max(4)
    ),
    sort: z.preprocess(
      (v) => one(v) || undefined,
      z.enum(SORTS, { message: `sort must be one of ${SORTS.join(", ")}` }).default("relevance")
    ),
    page: intParam("page", 1, 1000),
    limit: intParam("limit", 1, MAX_LIMIT),
    locale: z.preprocess(
      (v) => one(v) || undefined,
      z.enum(["vi", "en"], { message: "locale must be vi or en" }).default("vi")
    ),
    in_stock: z.preprocess(
      (v) => one(v) || undefined,
      z.enum(["true", "false"], { message: "in_stock must be true or false" }).optional()
    ),
  })
  .strict()
  .superRefine(refuseIllFormedText)

export type SearchParams = {
  q: string
  province?: ProvinceMatch
  group?: string
  subgroup?: string
  stars: number[]
  min_price?: number
  max_price?: number
  producer_type: string[]
  sort: (typeof SORTS)[number]
  page: number
  limit: number
  locale: "vi" | "en"
  in_stock?: boolean
}

export type ParamError = { param: string; message: string }
export type ParseResult = { ok: true; value: SearchParams } | { ok: false; errors: ParamError[] }

export function parseSearchParams(query: Record<string, unknown>): ParseResult {
  const parsed = searchParamsSchema.safeParse(query ?? {})
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      if (issue.code === "unrecognized_keys") {
        const keys = (issue as any).keys as string[]
        return { param: keys.join(", "), message: `unknown parameter${keys.length > 1 ? "s" : ""}: ${keys.join(", ")}` }
      }
      const param = String(issue.path[0] ?? "query")
      return { param, message: issue.message.startsWith(param) ? issue.message : `${param}: ${issue.message}` }
    })
    return { ok: false, errors }
  }
  const v = parsed.data
  const errors: ParamError[] = []
  let province: ProvinceMatch | undefined
  if (v.province?.trim()) {
    province = findProvince(v.province)
    if (!province) errors.push({ param: "province", message: `province: unknown province "${v.province}"` })
  }
  const group = v.group?.trim() || undefined
  if (group && !findProductGroup(group))
    errors.push({ param: "group", message: `group: unknown product group "${group}"` })
  const subgroup = v.subgroup?.trim() || undefined
  if (subgroup) {
    const found = findSubgroup(subgroup)
    if (!found) errors.push({ param: "subgroup", message: `subgroup: unknown product subgroup "${subgroup}"` })
    else if (group && found.group.slug !== group)
      errors.push({ param: "subgroup", message: `subgroup: "${subgroup}" is not in group "${group}"` })
  }
  if (v.min_price !== undefined && v.max_price !== undefined && v.min_price > v.max_price)
    errors.push({ param: "min_price", message: "min_price must not be greater than max_price" })
  if (errors.length) return { ok: false, errors }
  return {
    ok: true,
    value: {
      q: normalizeQuery(v.q),
      province,
      group,
      subgroup,
      stars: [...new Set(v.stars.map(Number))].sort(),
      min_price: v.min_price,
      max_price: v.max_price,
      producer_type: [...new Set(v.producer_type)],
      sort: v.sort,
      page: v.page ?? 1,
      limit: v.limit ?? 20,
      locale: v.locale,
      in_stock: v.in_stock === undefined ? undefined : v.in_stock === "true",
    },
  }
}

export const suggestParamsSchema = z
  .object({
    q: z.preprocess(
      (v) => one(v),
      z
        .string({ required_error: "q is required", invalid_type_error: "q must be one text, given once" })
        .max(MAX_QUERY_LENGTH * 2, "q is too long")
    ),
    limit: intParam("limit", 1, 8),
    locale: z.preprocess(
      (v) => one(v) || undefined,
      z.enum(["vi", "en"], { message: "locale must be vi or en" }).default("vi")
    ),
  })
  .strict()
  .superRefine(refuseIllFormedText)

export function parseSuggestParams(
  query: Record<string, unknown>
): { ok: true; value: { q: string; limit: number; locale: "vi" | "en" } } | { ok: false; errors: ParamError[] } {
  const parsed = suggestParamsSchema.safeParse(query ?? {})
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        param: String(i.path[0] ?? (i as any).keys?.join(", ") ?? "query"),
        message: i.message,
      })),
    }
  return {
    ok: true,
    value: { q: normalizeQuery(parsed.data.q), limit: parsed.data.limit ?? 8, locale: parsed.data.locale },
  }
}
