import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { OCOP_MODULE, type OcopModuleService } from "../modules/ocop"
import { matchKey } from "./vietnamese"

type ProducerRow = {
  id: string
  name: string
  products?: Array<{ id: string; title: string; handle: string; thumbnail?: string | null } | null>
}

export type ProvinceProductSummary = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  producer: { id: string; name: string }
  /** On sale now (the listing gate holds): only these are shown from a featured list. */
  listed: boolean
}

/**
 * The products of a province's producers, for a trade centre picking a featured list: by ids (a
 * saved list), or matching `q` accent-insensitively (`tra` finds "Trà"). A province has hundreds
 * of products at most, so the text match runs here rather than in search.
 */
export async function provinceProductSummaries(
  scope: MedusaContainer,
  provinceCode: string,
  { ids, q, limit = 100 }: { ids?: string[]; q?: string; limit?: number } = {}
): Promise<ProvinceProductSummary[]> {
  if (ids && ids.length === 0) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: producers } = await query.graph({
    entity: "producer",
    fields: ["id", "name", "products.id", "products.title", "products.handle", "products.thumbnail"],
    filters: { province_code: provinceCode },
  })
  const wanted = ids ? new Set(ids) : null
  const needle = q ? matchKey(q) : ""
  const found: Omit<ProvinceProductSummary, "listed">[] = []
  for (const producer of producers as unknown as ProducerRow[]) {
    for (const p of producer.products ?? []) {
      if (!p || (wanted && !wanted.has(p.id))) continue
      if (needle && !matchKey(`${p.title} ${producer.name}`).includes(needle)) continue
      found.push({
        id: p.id,
        title: p.title,
        handle: p.handle,
        thumbnail: p.thumbnail ?? null,
        producer: { id: producer.id, name: producer.name },
      })
    }
  }
  found.sort((a, b) => a.title.localeCompare(b.title, "vi"))
  const page = wanted ? found : found.slice(0, limit)
  const listings = page.length
    ? await scope
        .resolve<OcopModuleService>(OCOP_MODULE)
        .listProductListings({ product_id: page.map((p) => p.id), listed: true })
    : []
  const listed = new Set(listings.map((l) => l.product_id))
  return page.map((p) => ({ ...p, listed: listed.has(p.id) }))
}
