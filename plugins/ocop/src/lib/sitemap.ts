import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../modules/ocop"

type Scope = { resolve: <T>(key: string) => T }

export const SITEMAP_KINDS = ["products", "producers"] as const
export type SitemapKind = (typeof SITEMAP_KINDS)[number]

type Entry = { handle: string; updated_at: Date | string | null }

/**
 * One page of what the storefront's sitemap lists: listed products (from the listing verdicts,
 * which follow the gate — never Medusa's channel filter, whose `id IN (…)` costs seconds at 100k
 * products) or active producers, by handle with their last change, in a stable order.
 */
export async function sitemapPage(
  scope: Scope,
  kind: SitemapKind,
  page: number,
  limit: number
): Promise<{ entries: Entry[]; count: number }> {
  const ocop = scope.resolve<OcopModuleService>(OCOP_MODULE)
  const skip = (page - 1) * limit
  if (kind === "producers") {
    const [producers, count] = await ocop.listAndCountProducers(
      { status: "active" },
      { select: ["handle", "updated_at"], order: { id: "ASC" }, take: limit, skip }
    )
    return { entries: producers.map((p) => ({ handle: p.handle, updated_at: p.updated_at })), count }
  }
  const [listings, count] = await ocop.listAndCountProductListings(
    { listed: true },
    { select: ["product_id"], order: { product_id: "ASC" }, take: limit, skip }
  )
  if (!listings.length) return { entries: [], count }
  const query = scope.resolve<{
    graph: (q: object) => Promise<{ data: { id: string; handle: string; updated_at: Date | string | null }[] }>
  }>(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "updated_at"],
    filters: { id: listings.map((l) => l.product_id) },
  })
  const byId = new Map(products.map((p) => [p.id, p]))
  const entries = listings.flatMap((l) => {
    const p = byId.get(l.product_id)
    return p ? [{ handle: p.handle, updated_at: p.updated_at }] : []
  })
  return { entries, count }
}
