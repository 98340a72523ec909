import provincesData from "../data/provinces.json"
import formerProvincesData from "../data/former-provinces.json"
import { matchKey } from "./vietnamese"

export type FormerProvince = {
  code: string
  name_vi: string
  name_ascii: string
  slug: string
  type: string
  aliases: string[]
}

export type Province = {
  code: string
  slug: string
  name_vi: string
  full_name_vi: string
  type: "province" | "city"
  name_ascii: string
  region: string
  aliases: string[]
  merged_from: string[]
  former_provinces: FormerProvince[]
}

export type ProvinceMatch = {
  province: Province
  /** Set when the name given was a province that merged into `province` on 2025-07-01. */
  via_former?: FormerProvince
}

const PROVINCES = provincesData as unknown as Province[]

const byCode = new Map(PROVINCES.map((p) => [p.code, p]))
const byKey = new Map<string, ProvinceMatch>()
for (const province of PROVINCES) {
  for (const name of [
    province.slug,
    province.name_vi,
    province.full_name_vi,
    province.name_ascii,
    ...province.aliases,
  ]) {
    byKey.set(matchKey(name), { province })
  }
}
// Former names resolve to the unit they merged into, unless the name is also a current unit.
for (const former of formerProvincesData as Array<FormerProvince & { now_part_of_code: string }>) {
  const province = byCode.get(former.now_part_of_code)
  if (!province) continue
  for (const name of [former.slug, former.name_vi, former.name_ascii, ...former.aliases]) {
    const key = matchKey(name)
    if (!byKey.has(key)) byKey.set(key, { province, via_former: former.code === province.code ? undefined : former })
  }
}

export function listProvinces(): Province[] {
  return PROVINCES
}

export function getProvinceByCode(code: string): Province | undefined {
  return byCode.get(code)
}

/**
 * Finds the current unit for a slug, code, name or former name, in any accent style:
 * "binh-thuan", "Bình Thuận" and "binh thuan" all give Lâm Đồng (via Bình Thuận).
 */
export function findProvince(input: string): ProvinceMatch | undefined {
  const trimmed = input.trim()
  if (/^\d{2}$/.test(trimmed)) {
    const province = byCode.get(trimmed)
    return province ? { province } : undefined
  }
  return byKey.get(matchKey(trimmed))
}

export function isProvinceCode(code: string): boolean {
  return byCode.has(code)
}

const formerByCode = new Map<string, { former: FormerProvince; province: Province }>()
for (const province of PROVINCES) {
  for (const former of province.former_provinces ?? []) formerByCode.set(former.code, { former, province })
}

/**
 * Why a producer's former province (its address before 2025-07-01) cannot go with its current
 * unit, or null when it can or is not given. Checked by the sign-up validator and the create step.
 */
export function formerProvinceProblem(provinceCode: string, formerCode: string | null | undefined): string | null {
  if (formerCode === null || formerCode === undefined || formerCode === "") return null
  const { former, province } = formerByCode.get(formerCode) ?? {}
  if (!former || !province)
    return (
      `former_province_code: unknown former province "${formerCode}" ` +
      `(one of the 63 codes before 2025-07-01, e.g. "60" for Bình Thuận).`
    )
  if (province.code !== provinceCode)
    return (
      `former_province_code: ${former.name_vi} is part of ${province.name_vi} (${province.code}) ` +
      `since 2025-07-01, not of province ${provinceCode}.`
    )
  return null
}
