import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../modules/ocop"
import { listingSummaries } from "./public-views"

/** Featured lists in force now for a placement, each with its listed products in the curator's order. */
export async function activeFeaturedLists(
  scope: any,
  filter: { placement: string; province_code?: string },
  now = new Date()
) {
  const ocop = scope.resolve(OCOP_MODULE)
  const where: Record<string, unknown> = { placement: filter.placement }
  if (filter.province_code) where.province_code = filter.province_code
  const lists = (await ocop.listFeaturedLists(where, { order: { created_at: "DESC" } })).filter(
    (l: any) => (!l.starts_at || new Date(l.starts_at) <= now) && (!l.ends_at || now < new Date(l.ends_at))
  )
  const allIds: string[] = [...new Set<string>(lists.flatMap((l: any) => l.product_ids as string[]))]
  const summaries = allIds.length ? await listingSummaries(ocop, allIds) : []
  const summaryById = new Map<string, any>(summaries.map((s: any) => [s.product_id, s]))
  const listedIds = [...summaryById.keys()]
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = listedIds.length
    ? await query.graph({
        entity: "product",
        fields: ["id", "title", "handle", "thumbnail"],
        filters: { id: listedIds },
      })
    : { data: [] as any[] }
  const productById = new Map<string, any>(products.map((p: any) => [p.id, p]))
  return lists.map((l: any) => ({
    id: l.id,
    title_vi: l.title_vi,
    title_en: l.title_en,
    placement: l.placement,
    province_code: l.province_code,
    starts_at: l.starts_at,
    ends_at: l.ends_at,
    // Unlisted products stay in the curator's list but are never shown.
    products: (l.product_ids as string[])
      .filter((id) => summaryById.has(id) && productById.has(id))
      .map((id) => ({ ...productById.get(id), ocop: summaryById.get(id) })),
  }))
}
