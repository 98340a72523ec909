/**
 * Plausible OCOP certificate records: who signs them, under which decision, when they expire.
 *
 * Rules (see reference/stars-and-certification.md §1, §4, §5):
 * - 5★: the ministry recognises — "Bộ Nông nghiệp và Phát triển nông thôn" until 02/2025, then
 *   "Bộ Nông nghiệp và Môi trường" (renamed 03/2025). Decision "NNNN/QĐ-BNN-VPĐP" / "NNNN/QĐ-BNNMT".
 * - 4★: the provincial People's Committee (UBND tỉnh/thành phố) of the province as it was then.
 * - 3★: UBND tỉnh under QĐ 1048 (until 24/02/2023); the district UBND under QĐ 148 (until
 *   30/06/2025, when districts were abolished); the (new) provincial UBND since 01/07/2025.
 * - Certificates last 36 months from the decision (defaultExpiry from the OCOP plugin).
 * - Scores agree with the star bands: 3★ [50,70), 4★ [70,90), 5★ [90,100]; parts A ≤ 40, B ≤ 25, C ≤ 35.
 * Older certificates keep the authority text of their day (former province or district).
 */
import { defaultExpiry } from "@ocop-marketplace/ocop/lib/validity"
import type { Rng } from "./rng"

export const MINISTRY_RENAMED_ON = new Date("2025-03-01T00:00:00Z")
export const QD148_FROM = new Date("2023-02-24T00:00:00Z")
export const TWO_LEVEL_FROM = new Date("2025-07-01T00:00:00Z")
export const HUE_CITY_FROM = new Date("2025-01-01T00:00:00Z")

export type Place = {
  /** current unit (34) */
  province_code: string
  province_name_vi: string
  province_type: "province" | "city"
  /** the pre-2025 province that the producer sat in */
  former_province_vi: string
  former_province_type: "province" | "city"
  /** pre-2025 district ("Đà Lạt", "huyện Tuy Đức", "thị xã Hoàng Mai"); optional */
  former_district_vi?: string | null
}

function ubndOf(type: "province" | "city", name: string): string {
  return `UBND ${type === "city" ? "thành phố" : "tỉnh"} ${name}`
}

/** "huyện Tuy Đức" → "UBND huyện Tuy Đức"; "Tuy Đức" → "UBND huyện Tuy Đức". */
function ubndOfDistrict(district: string): string {
  const d = district.trim()
  if (/^(huyện|thị xã|thành phố|quận)\s/i.test(d)) return `UBND ${d}`
  return `UBND huyện ${d}`
}

export function issuingAuthority(stars: number, decisionDate: Date, place: Place): string {
  if (stars === 5) {
    return decisionDate < MINISTRY_RENAMED_ON
      ? "Bộ Nông nghiệp và Phát triển nông thôn"
      : "Bộ Nông nghiệp và Môi trường"
  }
  if (decisionDate >= TWO_LEVEL_FROM) return ubndOf(place.province_type, place.province_name_vi)
  if (stars === 3 && decisionDate >= QD148_FROM && place.former_district_vi)
    return ubndOfDistrict(place.former_district_vi)
  if (place.former_province_vi === "Huế" || place.former_province_vi === "Thừa Thiên Huế") {
    return decisionDate < HUE_CITY_FROM ? "UBND tỉnh Thừa Thiên Huế" : "UBND thành phố Huế"
  }
  return ubndOf(place.former_province_type, place.former_province_vi)
}

export function legalBasis(decisionDate: Date): string {
  if (decisionDate < QD148_FROM) return "1048/QĐ-TTg"
  if (decisionDate < TWO_LEVEL_FROM) return "148/QĐ-TTg"
  return "148/QĐ-TTg; 1489/QĐ-TTg"
}

export function decisionNumber(stars: number, decisionDate: Date, n: number): string {
  if (stars === 5) return decisionDate < MINISTRY_RENAMED_ON ? `${n}/QĐ-BNN-VPĐP` : `${n}/QĐ-BNNMT`
  return `${n}/QĐ-UBND`
}

/** Unique per (province, year, serial): "OCOP-68-2025-00123"; 5★ certificates use "QG" (quốc gia). */
export function certificateNumber(stars: number, provinceCode: string, decisionDate: Date, serial: number): string {
  const scope = stars === 5 ? `QG-${provinceCode}` : provinceCode
  return `OCOP-${scope}-${decisionDate.getUTCFullYear()}-${String(serial).padStart(5, "0")}`
}

/** Printed on the QR stamp: "OCOP68-25-7F3A9C". Opaque, unique with the serial. */
export function traceabilityCode(provinceCode: string, decisionDate: Date, serial: number, rng: Rng): string {
  const tail = (rng.int(0, 0xfff) * 0x100000 + serial).toString(16).toUpperCase().padStart(8, "0")
  return `OCOP${provinceCode}-${String(decisionDate.getUTCFullYear()).slice(2)}-${tail}`
}

export const SCORE_BANDS: Record<number, [number, number]> = { 3: [50, 69], 4: [70, 89], 5: [90, 98] }

/** An integer score inside the star band, with A/B/C parts that add up to it. */
export function scoreFor(stars: number, rng: Rng): { score: number; parts: { A: number; B: number; C: number } } {
  const band = SCORE_BANDS[stars]
  if (!band) throw new RangeError(`only 3, 4 and 5 stars are certified, not ${stars}`)
  const score = rng.int(band[0], band[1])
  // Spread the score over A (max 40), B (max 25), C (max 35) roughly in proportion, then fix rounding.
  const ratio = score / 100
  let A = Math.min(40, Math.round(40 * ratio + rng.int(-2, 2)))
  let B = Math.min(25, Math.round(25 * ratio + rng.int(-2, 2)))
  let C = score - A - B
  if (C > 35) {
    const extra = C - 35
    C = 35
    const toA = Math.min(extra, 40 - A)
    A += toA
    B += extra - toA
  }
  if (C < 0) {
    B += C
    C = 0
  }
  return { score, parts: { A, B, C } }
}

export { defaultExpiry }

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86400000)
}

/** A working day (Mon–Fri) in the given year and month range, at 00:00 UTC. */
export function decisionDay(year: number, rng: Rng, months: [number, number] = [1, 12]): Date {
  const month = rng.int(months[0], months[1])
  let d = new Date(Date.UTC(year, month - 1, rng.int(1, 28)))
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = addDays(d, 1)
  return d
}

export type CertificationDraft = {
  stars: number
  score: number | null
  score_parts: { A: number; B: number; C: number } | null
  decision_number: string | null
  decision_date: string | null
  issuing_authority: string
  legal_basis: string
  valid_from: string | null
  expires_at: string | null
  recognition_type: "new" | "re_recognition" | "upgrade"
  status: "approved" | "expired" | "revoked" | "submitted"
  is_current: boolean
  certificate_number: string
  traceability_code: string
  reason?: string | null
}

const iso = (d: Date) => d.toISOString().slice(0, 10)

export type HistoryOptions = {
  stars: number
  firstDecision: Date
  place: Place
  now: Date
  rng: Rng
  /** serial allocator for certificate numbers, keyed by province+year */
  nextSerial: (provinceCode: string, year: number) => number
  /** what happens at the end: keep renewing (default), stop (lapse), revoke the current one, or a pending re-evaluation */
  ending?: "renewed" | "lapsed" | "revoked" | "submitted"
  /** stars of the first recognition, when it differs (e.g. downgraded at re-evaluation) */
  firstStars?: number
  revokeReason?: string
}

/**
 * The certification history of one product from its first recognition until now: each certificate
 * lasts 36 months and is renewed (công nhận lại) a few weeks before it expires, unless `ending` says
 * otherwise. Exactly one record is current (the last).
 */
export function certificationHistory(opts: HistoryOptions): CertificationDraft[] {
  const { place, now, rng } = opts
  const ending = opts.ending ?? "renewed"
  const out: CertificationDraft[] = []
  let decision = opts.firstDecision
  while (decision.getUTCDay() === 0 || decision.getUTCDay() === 6) decision = addDays(decision, 1) // decisions are signed on working days
  let stars = opts.firstStars ?? opts.stars
  for (let round = 0; round < 10; round++) {
    const expires = defaultExpiry(decision)
    const { score, parts } = scoreFor(stars, rng)
    const year = decision.getUTCFullYear()
    const serial = opts.nextSerial(place.province_code, year)
    const prevStars = out.length ? out[out.length - 1].stars : undefined
    out.push({
      stars,
      score,
      score_parts: parts,
      decision_number: decisionNumber(stars, decision, rng.int(stars === 5 ? 600 : 120, stars === 5 ? 3900 : 4900)),
      decision_date: iso(decision),
      issuing_authority: issuingAuthority(stars, decision, place),
      legal_basis: legalBasis(decision),
      valid_from: iso(decision),
      expires_at: iso(expires),
      recognition_type:
        round === 0 ? "new" : prevStars !== undefined && stars > prevStars ? "upgrade" : "re_recognition",
      status: "approved",
      is_current: false,
      certificate_number: certificateNumber(stars, place.province_code, decision, serial),
      traceability_code: traceabilityCode(place.province_code, decision, serial, rng),
    })
    stars = opts.stars
    const renewal = addDays(expires, -rng.int(10, 60))
    if (expires > now || renewal > now) break
    decision = renewal
    while (decision.getUTCDay() === 0 || decision.getUTCDay() === 6) decision = addDays(decision, 1)
  }
  for (const c of out.slice(0, -1)) c.status = "expired"
  const last = out[out.length - 1]
  last.is_current = true
  if ((ending === "lapsed" || ending === "submitted") && new Date(last.expires_at!) > now && out.length > 1) {
    // A lapse needs a certificate that has run out: the last renewal never happened.
    out.pop()
    out[out.length - 1].is_current = true
  }
  const current = out[out.length - 1]
  if (ending === "lapsed" && new Date(current.expires_at!) <= now) current.status = "expired"
  if (ending === "submitted" && new Date(current.expires_at!) <= now) current.status = "expired"
  if (ending === "revoked") {
    current.status = "revoked"
    current.reason =
      opts.revokeReason ?? "Chủ thể thay đổi bao bì, nhãn mác không còn đúng với sản phẩm đã được công nhận."
  }
  if (ending === "submitted") {
    // The old certificate lapsed; a re-evaluation file is with the council.
    current.is_current = false
    const submittedOn = addDays(now, -rng.int(10, 40))
    const serial = opts.nextSerial(place.province_code, submittedOn.getUTCFullYear())
    out.push({
      ...current,
      stars: opts.stars,
      score: null,
      score_parts: null,
      decision_number: null,
      decision_date: null,
      issuing_authority: issuingAuthority(opts.stars, submittedOn, place),
      legal_basis: legalBasis(submittedOn),
      valid_from: null,
      expires_at: null,
      recognition_type: "re_recognition",
      status: "submitted",
      is_current: true,
      certificate_number: `HS-${place.province_code}-${submittedOn.getUTCFullYear()}-${String(serial).padStart(5, "0")}`,
      traceability_code: traceabilityCode(place.province_code, submittedOn, serial, rng),
    })
  }
  return out
}
