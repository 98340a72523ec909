import { isCertifiedStars, starsScoreMismatch } from "./stars"
import { validityWindowErrors } from "./validity"
import { getProvinceByCode, isProvinceCode } from "./provinces"
import { foldVietnamese } from "./vietnamese"
import { findProductGroup, findSubgroup } from "./product-groups"

export type CertificationFields = {
  stars: number
  score?: number | null
  group_slug: string
  subgroup_slug?: string | null
  /** Absent on a producer's submission: the workflow takes the producer's province. */
  province_code?: string | null
  valid_from?: Date | string | null
  expires_at?: Date | string | null
  decision_date?: Date | string | null
}

/** Field → message for every broken rule of a certification record (empty when valid). */
export function certificationFieldErrors(input: CertificationFields): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!isCertifiedStars(input.stars)) errors.stars = "OCOP certification is only for 3, 4 or 5 stars."
  if (input.score !== null && input.score !== undefined) {
    if (!(input.score >= 0 && input.score <= 100)) errors.score = "Score must be between 0 and 100."
    else if (!errors.stars) {
      const mismatch = starsScoreMismatch(input.stars, input.score)
      if (mismatch) errors.score = mismatch
    }
  }
  if (input.province_code != null && !isProvinceCode(input.province_code))
    errors.province_code = `Unknown province code "${input.province_code}" (use one of the 34 current units).`
  const group = findProductGroup(input.group_slug)
  if (!group) errors.group_slug = `Unknown OCOP product group "${input.group_slug}".`
  if (input.subgroup_slug) {
    const sub = findSubgroup(input.subgroup_slug)
    if (!sub) errors.subgroup_slug = `Unknown OCOP subgroup "${input.subgroup_slug}".`
    else if (group && sub.group.slug !== group.slug)
      errors.subgroup_slug = `Subgroup "${input.subgroup_slug}" is not part of group "${input.group_slug}".`
  }
  Object.assign(errors, validityWindowErrors(input))
  return errors
}

/** The ministry that recognises 5★ (national) OCOP products since 03/2025. */
export const MINISTRY_AUTHORITY = "Bộ Nông nghiệp và Môi trường"

/**
 * Who recognises a certificate submitted now (reference/stars-and-certification.md §4): the
 * provincial People's Committee of the producer's province for 3★ and 4★, the ministry for 5★.
 */
export function issuingAuthorityFor(stars: number, provinceCode: string): string | null {
  if (stars === 5) return MINISTRY_AUTHORITY
  const province = getProvinceByCode(provinceCode)
  if (!province) return null
  return `UBND ${province.type === "city" ? "thành phố" : "tỉnh"} ${province.name_vi}`
}

/**
 * Whether an authority typed by a producer names the right one (accents, "UBND"/"Ủy ban nhân dân",
 * "TP"/"thành phố" and the former names of a merged province all accepted). null when it does, else why not.
 */
export function issuingAuthorityMismatch(given: string, stars: number, provinceCode: string): string | null {
  const expected = issuingAuthorityFor(stars, provinceCode)
  if (!expected) return null
  const text = ` ${foldVietnamese(given)
    .toLowerCase()
    .replace(/[^a-z0-9&]+/g, " ")} `
  if (stars === 5) {
    return text.startsWith(" bo ")
      ? null
      : `A 5★ certificate is recognised by the ministry (${MINISTRY_AUTHORITY}), not by "${given}".`
  }
  const province = getProvinceByCode(provinceCode)!
  const names = [province.name_vi, ...province.former_provinces.map((f) => f.name_vi)].map(
    (n) => ` ${foldVietnamese(n).toLowerCase()} `
  )
  const committee = text.includes(" ubnd ") || text.includes(" uy ban nhan dan ")
  return committee && names.some((n) => text.includes(n))
    ? null
    : `A ${stars}★ certificate is recognised by the People's Committee of your province (${expected}), ` +
        `not by "${given}".`
}
