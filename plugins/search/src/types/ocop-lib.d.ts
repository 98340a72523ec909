// The OCOP plugin builds without declarations; these mirror its src/lib signatures.
declare module "@ocop-marketplace/ocop/lib/vietnamese" {
  export function foldVietnamese(text: string): string
  export function matchKey(text: string): string
  export function toHandle(text: string): string
}
declare module "@ocop-marketplace/ocop/lib/provinces" {
  export type FormerProvince = { code: string; name_vi: string; name_ascii: string; slug: string; type: string; aliases: string[] }
  export type Province = {
    code: string; slug: string; name_vi: string; full_name_vi: string; type: "province" | "city"; name_ascii: string
    region: string; aliases: string[]; merged_from: string[]; former_provinces: FormerProvince[]
  }
  export type ProvinceMatch = { province: Province; via_former?: FormerProvince }
  export function listProvinces(): Province[]
  export function getProvinceByCode(code: string): Province | undefined
  export function findProvince(input: string): ProvinceMatch | undefined
  export function isProvinceCode(code: string): boolean
}
declare module "@ocop-marketplace/ocop/lib/product-groups" {
  export type ProductSet = { code: string; slug: string; name_vi: string; name_en: string }
  export type ProductSubgroup = { code: string; slug: string; name_vi: string; name_en: string; sets: ProductSet[] }
  export type ProductGroup = { code: string; slug: string; name_vi: string; name_en: string; subgroups: ProductSubgroup[] }
  export function listProductGroups(): ProductGroup[]
  export function findProductGroup(slug: string): ProductGroup | undefined
  export function findSubgroup(slug: string): { group: ProductGroup; subgroup: ProductSubgroup } | undefined
}
