/**
 * Maps a product (with its producer, current certification, listing verdict, prices and
 * stock) to the search document of the `ocop_product` index. Pure: returns null for
 * anything that must not be in the index (not listed, not published, no current 3–5★
 * certification), so `consume` turns it into a delete.
 */
import { listProvinces, type Province, type FormerProvince } from "@ocop-marketplace/ocop/lib/provinces"
import { findProductGroup, findSubgroup } from "@ocop-marketplace/ocop/lib/product-groups"
import { foldText } from "./text"

export const OCOP_PRODUCT_INDEX = "ocop_product"
export const CURRENCY = "vnd"
export const DESCRIPTION_LIMIT = 600

export type SourceVariant = {
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  prices?: { amount: number | string | null; currency_code?: string | null }[] | null
  inventory_items?:
    | {
        inventory?: {
          location_levels?: { stocked_quantity?: number | null; reserved_quantity?: number | null }[] | null
        } | null
      }[]
    | null
}

export type ProductSource = {
  id: string
  handle?: string | null
  title?: string | null
  description?: string | null
  thumbnail?: string | null
  status?: string | null
  metadata?: Record<string, unknown> | null
  created_at?: string | Date | null
  variants?: SourceVariant[] | null
  producer?: {
    handle?: string | null
    name?: string | null
    entity_type?: string | null
    province_code?: string | null
    /** The pre-2025 province of the producer's address (ocop_producer.former_province_code). */
    former_province_code?: string | null
    status?: string | null
  } | null
  certification?: {
    stars?: number | null
    group_slug?: string | null
    subgroup_slug?: string | null
    province_code?: string | null
    certificate_number?: string | null
  } | null
  /** The gate's verdict: marketplace sales-channel membership / ocop_product_listing.listed. */
  listed: boolean
}

export type OcopSearchDocument = {
  id: string
  handle: string
  title: string
  title_en: string | null
  description: string
  description_en: string | null
  thumbnail: string | null
  producer_name: string
  producer_handle: string
  producer_type: string
  province_code: string
  province_slug: string
  province_name: string
  /**
   * Set when the certificate, or else the producer's address, names a province that merged into
   * `province_slug` in 2025; searchable above the unit's other former names, so "binh thuan" ranks
   * products from the former Bình Thuận first among Lâm Đồng's.
   */
  origin_former_slug: string | null
  origin_former_name: string | null
  former_province_names: string[]
  group_slug: string
  group_name: string
  subgroup_slug: string | null
  subgroup_name: string | null
  stars: number
  min_price: number | null
  in_stock: boolean
  created_at: string
  /** Folded copy of the searchable text, for engines without Vietnamese folding. */
  text_folded: string
}

type ProvinceRef = { province: Province; former?: FormerProvince }
let provinceByCode: Map<string, ProvinceRef> | undefined
/** Current unit for a current or a former (pre-2025) province code. */
export function provinceForCode(code: string | null | undefined): ProvinceRef | undefined {
  if (!code) return undefined
  if (!provinceByCode) {
    provinceByCode = new Map()
    for (const province of listProvinces()) provinceByCode.set(province.code, { province })
    for (const province of listProvinces()) {
      for (const former of province.former_provinces ?? []) {
        if (!provinceByCode.has(former.code)) provinceByCode.set(former.code, { province, former })
      }
    }
  }
  return provinceByCode.get(code)
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null
  const n = typeof value === "number" ? value : Number(value)
  return Number.isFinite(n) ? n : null
}

/** Lowest VND price over all variants (integers: 120000 = 120.000 ₫). */
export function minPrice(variants: SourceVariant[] | null | undefined, currency = CURRENCY): number | null {
  let min: number | null = null
  for (const variant of variants ?? []) {
    for (const price of variant.prices ?? []) {
      if ((price.currency_code ?? currency).toLowerCase() !== currency) continue
      const amount = toNumber(price.amount)
      if (amount !== null && (min === null || amount < min)) min = amount
    }
  }
  return min
}

/** In stock when one variant is not inventory-managed, allows backorder, or has available units. */
export function inStock(variants: SourceVariant[] | null | undefined): boolean {
  for (const variant of variants ?? []) {
    if (variant.manage_inventory === false || variant.allow_backorder) return true
    let available = 0
    for (const item of variant.inventory_items ?? []) {
      for (const level of item.inventory?.location_levels ?? []) {
        available += (toNumber(level.stocked_quantity) ?? 0) - (toNumber(level.reserved_quantity) ?? 0)
      }
    }
    if (available > 0) return true
  }
  return false
}

function metaText(metadata: Record<string, unknown> | null | undefined, key: string): string | null {
  const value = metadata?.[key]
  return typeof value === "string" && value.trim() ? value.normalize("NFC").trim() : null
}

function clip(text: string, limit: number): string {
  if (text.length <= limit) return text
  const cut = text.slice(0, limit)
  const space = cut.lastIndexOf(" ")
  return (space > limit * 0.6 ? cut.slice(0, space) : cut) + "…"
}

export function toSearchDocument(source: ProductSource): OcopSearchDocument | null {
  if (!source.listed) return null
  if (source.status && source.status !== "published") return null
  const cert = source.certification
  const stars = toNumber(cert?.stars)
  if (!cert || stars === null || stars < 3 || stars > 5) return null
  const producer = source.producer
  if (!producer) return null
  const provinceRef = provinceForCode(cert.province_code) ?? provinceForCode(producer.province_code)
  if (!provinceRef) return null
  const { province } = provinceRef
  // a certificate issued under a former province names it; else the producer's address may
  const producerFormer = provinceForCode(producer.former_province_code)
  const former =
    provinceRef.former ?? (producerFormer?.province.code === province.code ? producerFormer.former : undefined)

  const group = cert.group_slug ? findProductGroup(cert.group_slug) : undefined
  const sub = cert.subgroup_slug ? findSubgroup(cert.subgroup_slug) : undefined
  const title = (source.title ?? "").normalize("NFC").trim()
  const description = clip((source.description ?? "").normalize("NFC").replace(/\s+/g, " ").trim(), DESCRIPTION_LIMIT)
  const title_en = metaText(source.metadata, "title_en")
  const description_en = metaText(source.metadata, "description_en")
  const formerNames: string[] = [
    ...new Set<string>((province.former_provinces ?? []).map((f) => f.name_vi).filter((n) => n !== province.name_vi)),
  ]
  const createdAt = source.created_at ? new Date(source.created_at) : new Date(0)

  const doc: OcopSearchDocument = {
    id: source.id,
    handle: source.handle ?? source.id,
    title,
    title_en,
    description,
    description_en: description_en ? clip(description_en, DESCRIPTION_LIMIT) : null,
    thumbnail: source.thumbnail ?? null,
    producer_name: (producer.name ?? "").normalize("NFC"),
    producer_handle: producer.handle ?? "",
    producer_type: producer.entity_type ?? "household",
    province_code: province.code,
    province_slug: province.slug,
    province_name: province.name_vi,
    origin_former_slug: former && former.code !== province.code ? former.slug : null,
    origin_former_name: former && former.code !== province.code ? former.name_vi : null,
    former_province_names: formerNames,
    group_slug: group?.slug ?? cert.group_slug ?? "",
    group_name: group?.name_vi ?? "",
    subgroup_slug: sub?.subgroup.slug ?? cert.subgroup_slug ?? null,
    subgroup_name: sub?.subgroup.name_vi ?? null,
    stars,
    min_price: minPrice(source.variants),
    in_stock: inStock(source.variants),
    created_at: createdAt.toISOString(),
    text_folded: "",
  }
  doc.text_folded = foldText(
    [
      doc.title,
      doc.title_en,
      doc.producer_name,
      doc.province_name,
      ...doc.former_province_names,
      doc.group_name,
      doc.subgroup_name,
    ]
      .filter(Boolean)
      .join(" ")
  )
  return doc
}
