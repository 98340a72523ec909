/**
 * The synthetic catalogue as plain data (no database): producers, products and their certificates,
 * deterministic for a given seed and `now`. seed/src/bulk.ts writes it with bulk SQL.
 *
 * Mix (national figures, reference/stars-and-certification.md §9): stars ≈ 73% 3★ / 26% 4★ / 1% 5★;
 * producers ≈ 34% cooperatives, 25% enterprises, 33% household businesses, 8% cooperative groups,
 * about 2.2 products per producer. A small share is deliberately held back by the listing gate
 * (certificate lapsed, revoked or awaiting re-evaluation; producer pending or suspended; draft product).
 */
import { createRng, hashString, type Rng } from "./rng"
import {
  BASES,
  BRANDS,
  ENTITY_WEIGHTS,
  GROUP_WEIGHTS,
  PLACES,
  SUBGROUP_WEIGHTS,
  priceFor,
  producerName,
  productName,
  type EntityType,
} from "./names"
import {
  certificateNumber,
  decisionNumber,
  defaultExpiry,
  issuingAuthority,
  legalBasis,
  scoreFor,
  traceabilityCode,
  addDays,
  type Place,
} from "./certificates"
import { listProvinces, type Province } from "./places"
import { toHandle } from "@ocop-marketplace/ocop/lib/vietnamese"

export const STAR_WEIGHTS: Array<[number, number]> = [
  [3, 73],
  [4, 26],
  [5, 1],
]
/** products per producer: mean ≈ 2.2 */
export const PRODUCTS_PER_PRODUCER: Array<[number, number]> = [
  [1, 43],
  [2, 25],
  [3, 15],
  [4, 8],
  [5, 5],
  [7, 4],
]

export type ProducerPlan = {
  index: number
  handle: string
  name: string
  entity_type: EntityType
  province_code: string
  place: string
  ward: string
  address: string
  phone: string
  email: string
  story: string
  status: "active" | "pending" | "suspended"
  group_slug: string
}

export type CertPlan = {
  stars: number
  score: number | null
  score_parts: { A: number; B: number; C: number } | null
  certificate_number: string
  decision_number: string | null
  decision_date: Date | null
  issuing_authority: string
  legal_basis: string
  valid_from: Date | null
  expires_at: Date | null
  status: "approved" | "expired" | "revoked" | "submitted"
  recognition_type: "new" | "re_recognition" | "upgrade"
  is_current: boolean
  traceability_code: string
  reason: string | null
  potential_five_star: boolean
}

export type ProductPlan = {
  index: number
  handle: string
  sku: string
  title: string
  title_en: string
  description: string
  description_en: string
  status: "published" | "draft"
  group_slug: string
  subgroup_slug: string
  province_code: string
  province_name: string
  place: string
  stars: number
  unit: string
  price: number
  stock: number
  producer: number
  certifications: CertPlan[]
}

export type Plan = { seedTag: string; producers: ProducerPlan[]; products: ProductPlan[] }

/** 3 lowercase letters/digits identifying the seed in handles, SKUs and certificate numbers. */
export function seedTag(seed: string): string {
  return hashString(`tag/${seed}`).toString(36).slice(-3).padStart(3, "0")
}

const ENGLISH: Record<string, string> = {
  "thuc-pham": "food product",
  "do-uong": "drink",
  "duoc-lieu": "herbal product",
  "thu-cong-my-nghe": "handicraft",
  "sinh-vat-canh": "ornamental",
  "dich-vu-du-lich": "community tourism service",
}
const fold = (t: string) => t.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D")

function placeOf(province: Province, placeName: string): Place {
  const formers = province.former_provinces as Array<{ name_vi: string; type: string }>
  const former =
    formers.find((f) => f.name_vi === placeName) ?? formers.find((f) => f.name_vi === province.name_vi) ?? formers[0]
  return {
    province_code: province.code,
    province_name_vi: province.name_vi,
    province_type: province.type,
    former_province_vi: former?.name_vi ?? province.name_vi,
    former_province_type: (former?.type as "province" | "city") ?? province.type,
    former_district_vi: null,
  }
}

const MOBILE_PREFIXES = [
  "032",
  "033",
  "034",
  "035",
  "036",
  "037",
  "038",
  "039",
  "086",
  "096",
  "097",
  "098",
  "081",
  "082",
  "083",
  "084",
  "085",
  "088",
  "091",
  "094",
  "070",
  "076",
  "077",
  "078",
  "079",
  "089",
  "090",
  "093",
]

/**
 * Plans `count` products (indices `from`..count-1 are materialised; earlier ones are skipped cheaply
 * is not possible because producers span products, so the whole plan is built and callers slice).
 */
export function planCatalogue({ count, seed, now = new Date() }: { count: number; seed: string; now?: Date }): Plan {
  const tag = seedTag(seed)
  const root = createRng(`ocop-generator/${seed}`)
  const provinces = listProvinces()
  const provinceWeights: Array<[Province, number]> = provinces.map((p: Province) => [
    p,
    Math.max(20, (p as any).ward_count_2025 ?? 60),
  ])
  const producers: ProducerPlan[] = []
  const products: ProductPlan[] = []
  const producerRng = root.fork("producers")

  while (products.length < count) {
    const pi = producers.length
    const r = producerRng.fork(pi)
    const province = r.weighted(provinceWeights)
    const place = r.pick(PLACES[province.code] ?? [province.name_vi])
    const group = r.weighted(GROUP_WEIGHTS)
    const entity = r.weighted(ENTITY_WEIGHTS)
    const brand = r.pick(BRANDS)
    const name = producerName(entity, group, place, brand, r)
    const handle = `${toHandle(name)}-${tag}${pi.toString(36)}`
    const status = r.weighted<ProducerPlan["status"]>([
      ["active", 985],
      ["pending", 10],
      ["suspended", 5],
    ])
    const ward = `${r.chance(0.75) ? "xã" : "phường"} ${place}`
    const producer: ProducerPlan = {
      index: pi,
      handle,
      name,
      entity_type: entity,
      province_code: province.code,
      place,
      ward,
      address: `Thôn ${r.int(1, 12)}, ${ward}, ${province.full_name_vi}`,
      phone: r.pick(MOBILE_PREFIXES) + String(r.int(0, 9999999)).padStart(7, "0"),
      email: `lienhe.${tag}${pi.toString(36)}@demo.ocop.vn`,
      story: `${name} ở ${ward}, ${province.name_vi}: sản xuất theo chuỗi giá trị OCOP, dùng nguyên liệu tại địa phương.`,
      status,
      group_slug: group,
    }
    producers.push(producer)

    const k = Math.min(r.weighted(PRODUCTS_PER_PRODUCER), count - products.length)
    for (let j = 0; j < k; j++) {
      const index = products.length
      const pr = root.fork(`product/${index}`)
      // Most products of a producer share its group; some branch out.
      const g = pr.chance(0.85) ? group : pr.weighted(GROUP_WEIGHTS)
      const subgroup = pr.weighted(SUBGROUP_WEIGHTS[g])
      const base = pr.pick(BASES[subgroup])
      const productPlace = pr.chance(0.8) ? place : pr.pick(PLACES[province.code] ?? [place])
      const title = productName(base, subgroup, productPlace, brand, pr)
      const stars = pr.weighted(STAR_WEIGHTS)
      const certs = planCertifications({ index, stars, province, place: productPlace, rng: pr.fork("cert"), now, tag })
      products.push({
        index,
        handle: `${toHandle(title)}-${tag}${index.toString(36)}`,
        sku: `OCOP-G${tag.toUpperCase()}-${index.toString(36).toUpperCase()}`,
        title,
        title_en: `${fold(title)} (OCOP ${stars}★ ${ENGLISH[g]})`,
        description: `${title} — sản phẩm OCOP ${stars} sao của ${name}, ${province.name_vi}. ${base.name} làm từ nguyên liệu địa phương, đóng gói ${base.unit}.`,
        description_en: `${fold(title)}: an OCOP ${stars}-star ${ENGLISH[g]} from ${fold(productPlace)}, ${fold(province.name_vi)}, made by ${fold(name)}.`,
        status: pr.chance(0.995) ? "published" : "draft",
        group_slug: g,
        subgroup_slug: subgroup,
        province_code: province.code,
        province_name: province.name_vi,
        place: productPlace,
        stars,
        unit: base.unit,
        price: priceFor(base, pr),
        stock: pr.int(5, 500),
        producer: pi,
        certifications: certs,
      })
    }
  }
  return { seedTag: tag, producers, products }
}

function planCertifications({
  index,
  stars,
  province,
  place,
  rng,
  now,
  tag,
}: {
  index: number
  stars: number
  province: Province
  place: string
  rng: Rng
  now: Date
  tag: string
}): CertPlan[] {
  const where = placeOf(province, place)
  const ending = rng.weighted<"approved" | "expired" | "submitted" | "revoked">([
    ["approved", 972],
    ["expired", 15],
    ["submitted", 8],
    ["revoked", 5],
  ])
  const renewed = rng.chance(0.1)
  const certs: CertPlan[] = []
  const make = (
    decision: Date,
    status: CertPlan["status"],
    recognition: CertPlan["recognition_type"],
    n: number
  ): CertPlan => {
    const { score, parts } = scoreFor(stars, rng)
    return {
      stars,
      score,
      score_parts: parts,
      certificate_number: `${certificateNumber(stars, province.code, decision, 0).replace(/-00000$/, "")}-G${tag.toUpperCase()}${index.toString(36).toUpperCase()}${n}`,
      decision_number: decisionNumber(stars, decision, rng.int(stars === 5 ? 600 : 120, stars === 5 ? 3900 : 4900)),
      decision_date: decision,
      issuing_authority: issuingAuthority(stars, decision, where),
      legal_basis: legalBasis(decision),
      valid_from: decision,
      expires_at: defaultExpiry(decision),
      status,
      recognition_type: recognition,
      is_current: false,
      traceability_code: traceabilityCode(province.code, decision, index * 4 + n, rng),
      reason: null,
      potential_five_star: stars === 4 && score >= 88,
    }
  }
  const dayMs = 86400000
  if (ending === "expired") {
    // Lapsed: decided 37–48 months ago, never renewed.
    const decision = startOfDay(new Date(now.getTime() - rng.int(37 * 30, 48 * 30) * dayMs))
    certs.push(make(decision, "expired", "new", 0))
  } else {
    // Current certificate decided within the last 35 months.
    const decision = startOfDay(new Date(now.getTime() - rng.int(5, 35 * 30) * dayMs))
    if (renewed) {
      const prev = startOfDay(addDays(decision, -(36 * 30) + rng.int(10, 60)))
      certs.push(make(prev, "expired", "new", 0))
    }
    const current = make(decision, "approved", renewed ? "re_recognition" : "new", 1)
    if (ending === "revoked") {
      current.status = "revoked"
      current.reason = "Vi phạm quy định sử dụng nhãn, logo OCOP (đề xuất thu hồi của hội đồng tỉnh)."
    }
    certs.push(current)
  }
  if (ending === "submitted") {
    // The certificate above lapsed or is about to; a re-evaluation file waits for the council.
    const last = certs[certs.length - 1]
    last.status = "expired"
    last.decision_date = startOfDay(new Date(now.getTime() - rng.int(37 * 30, 40 * 30) * dayMs))
    last.valid_from = last.decision_date
    last.expires_at = defaultExpiry(last.decision_date)
    last.issuing_authority = issuingAuthority(stars, last.decision_date, where)
    last.legal_basis = legalBasis(last.decision_date)
    certs.push({
      ...last,
      score: null,
      score_parts: null,
      certificate_number: `HS-${province.code}-${now.getUTCFullYear()}-G${tag.toUpperCase()}${index.toString(36).toUpperCase()}`,
      decision_number: null,
      decision_date: null,
      valid_from: null,
      expires_at: null,
      status: "submitted",
      recognition_type: "re_recognition",
      issuing_authority: issuingAuthority(stars, now, where),
      legal_basis: legalBasis(now),
      potential_five_star: false,
    })
  }
  certs[certs.length - 1].is_current = true
  return certs
}

function startOfDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
}
