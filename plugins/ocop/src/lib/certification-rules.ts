import { isCertifiedStars, starsScoreMismatch } from "./stars"
import { validityWindowErrors } from "./validity"
import { isProvinceCode } from "./provinces"
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
