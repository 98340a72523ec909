import groupsData from "../data/product-groups.json"

export type ProductSet = { code: string; slug: string; name_vi: string; name_en: string }
export type ProductSubgroup = { code: string; slug: string; name_vi: string; name_en: string; sets: ProductSet[] }
export type ProductGroup = {
  code: string
  slug: string
  name_vi: string
  name_en: string
  subgroups: ProductSubgroup[]
}

const GROUPS = (groupsData as unknown as { groups: ProductGroup[] }).groups

/** The 6 OCOP product groups (ngành) of QĐ 148/2023, each with its nhóm and bộ sản phẩm. */
export function listProductGroups(): ProductGroup[] {
  return GROUPS
}

export function findProductGroup(slug: string): ProductGroup | undefined {
  return GROUPS.find((g) => g.slug === slug)
}

export function findSubgroup(slug: string): { group: ProductGroup; subgroup: ProductSubgroup } | undefined {
  for (const group of GROUPS) {
    const subgroup = group.subgroups.find((s) => s.slug === slug)
    if (subgroup) return { group, subgroup }
  }
  return undefined
}
