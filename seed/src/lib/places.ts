import { getProvinceByCode, listProvinces, type Province } from "@ocop-marketplace/ocop/lib/provinces"
import type { Place } from "./certificates"

export { listProvinces, getProvinceByCode, type Province }

/** The certificate "place" of a producer: current unit, former province and district. */
export function placeFor(
  provinceCode: string,
  formerProvinceVi?: string | null,
  formerDistrictVi?: string | null
): Place {
  const province = getProvinceByCode(provinceCode)
  if (!province) throw new Error(`Unknown province code "${provinceCode}" (see plugins/ocop/src/data/provinces.json).`)
  const formerName = formerProvinceVi || province.former_provinces[0]?.name_vi || province.name_vi
  const former = (province.former_provinces as Array<{ name_vi: string; type: string }>).find(
    (f) => f.name_vi === formerName
  )
  return {
    province_code: province.code,
    province_name_vi: province.name_vi,
    province_type: province.type,
    former_province_vi: formerName,
    former_province_type:
      (former?.type as "province" | "city") ?? (formerName === province.name_vi ? province.type : "province"),
    former_district_vi: formerDistrictVi ?? null,
  }
}

/**
 * The code of the pre-2025 province an address lay in, from its name in the sample data, when it
 * is one of the provinces that formed `provinceCode` ("Bình Thuận" in Lâm Đồng → "60"); else null.
 */
export function formerProvinceCode(provinceCode: string, formerProvinceVi?: string | null): string | null {
  if (!formerProvinceVi) return null
  const province = getProvinceByCode(provinceCode)
  return province?.former_provinces.find((f) => f.name_vi === formerProvinceVi)?.code ?? null
}
