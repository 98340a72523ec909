import { applyTranslations, ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../modules/ocop"
import { listingSummaries, publicProducer } from "./public-views"

type Scope = { resolve: (key: string) => any }

type FeaturedListRow = Awaited<ReturnType<OcopModuleService["listFeaturedLists"]>>[number]

/**
 * One featured list as `tradeCenterId` may change it: a curator's centre only reaches its own lists,
 * so another centre's list is "not found" (404), as is a missing one. The platform passes no centre.
 */
export async function featuredListToChange(
  ocop: OcopModuleService,
  id: string,
  tradeCenterId?: string | null
): Promise<FeaturedListRow> {
  const [list] = await ocop.listFeaturedLists({ id }, { take: 1 })
  if (!list || (tradeCenterId && list.trade_center_id !== tradeCenterId)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Featured list ${id} was not found.`)
  }
  return list
}

/** Is a dated list (fair, campaign) in force at `now`? Undated bounds are open. */
export function inForce(list: { starts_at?: Date | string | null; ends_at?: Date | string | null }, now: Date) {
  return (!list.starts_at || new Date(list.starts_at) <= now) && (!list.ends_at || now < new Date(list.ends_at))
}

/** The lowest VND price over a product's variants (what a product card shows), or null. */
export function lowestVndPrice(product: { variants?: { prices?: { amount?: unknown; currency_code?: string }[] }[] }) {
  const amounts = (product.variants ?? [])
    .flatMap((v) => v.prices ?? [])
    .filter((p) => p.currency_code?.toLowerCase() === "vnd")
    .map((p) => Number(p.amount))
    .filter((n) => Number.isFinite(n))
  return amounts.length ? Math.min(...amounts) : null
}

/**
 * Listed products as shop cards, in the order of `ids`: title, handle, thumbnail, lowest VND price
 * and the OCOP facts — one listing query, one product query; unlisted ids are dropped. With a
 * `locale`, titles come from Medusa's Translation Module (the product's own text when untranslated).
 */
export async function productCards(scope: Scope, ids: string[], locale?: string) {
  if (!ids.length) return []
  const ocop = scope.resolve(OCOP_MODULE)
  const summaries = await listingSummaries(ocop, [...new Set(ids)])
  const summaryById = new Map<string, any>(summaries.map((s: any) => [s.product_id, s]))
  const listedIds = [...summaryById.keys()]
  if (!listedIds.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "title", "handle", "thumbnail", "variants.prices.amount", "variants.prices.currency_code"],
    filters: { id: listedIds },
  })
  if (locale) await applyTranslations({ localeCode: locale, objects: products, container: scope as any })
  const productById = new Map<string, any>(products.map((p: any) => [p.id, p]))
  return ids
    .filter((id, i) => ids.indexOf(id) === i && summaryById.has(id) && productById.has(id))
    .map((id) => {
      const p = productById.get(id)
      return {
        id,
        title: p.title,
        handle: p.handle,
        thumbnail: p.thumbnail ?? null,
        price: lowestVndPrice(p),
        ocop: summaryById.get(id),
      }
    })
}

export type FeaturedFilter = {
  placements: string[]
  province_code?: string
  /** keep only the products of this product group (lists left empty are dropped) */
  group_slug?: string
  locale?: string
}

/** Featured lists in force now for some placements, newest first (rows only; `featuredListsView` adds cards). */
async function featuredListsInForce(scope: Scope, filter: FeaturedFilter, now: Date) {
  const ocop: OcopModuleService = scope.resolve(OCOP_MODULE)
  const where: Record<string, unknown> = { placement: filter.placements }
  if (filter.province_code) where.province_code = filter.province_code
  return (await ocop.listFeaturedLists(where, { order: { created_at: "DESC" } })).filter((l) => inForce(l, now))
}

const listProductIds = (l: FeaturedListRow) => l.product_ids as unknown as string[]

type ProductCard = Awaited<ReturnType<typeof productCards>>[number]

/** Featured lists with their listed products as cards, in the curator's order. */
function featuredListsView(lists: FeaturedListRow[], cardById: Map<string, ProductCard>, group_slug?: string) {
  return (
    lists
      .map((l) => ({
        id: l.id,
        title_vi: l.title_vi,
        title_en: l.title_en,
        placement: l.placement,
        province_code: l.province_code,
        starts_at: l.starts_at,
        ends_at: l.ends_at,
        // Unlisted products stay in the curator's list but are never shown.
        products: listProductIds(l)
          .map((id) => cardById.get(id))
          .filter((c): c is NonNullable<typeof c> => !!c)
          .filter((c) => !group_slug || c.ocop?.group?.slug === group_slug),
      }))
      // a group page shows only the lists that hold something of that group
      .filter((l) => !group_slug || l.products.length > 0)
  )
}

/** Featured lists in force now for some placements, each with its listed products in the curator's order. */
export async function activeFeaturedLists(scope: Scope, filter: FeaturedFilter, now = new Date()) {
  const lists = await featuredListsInForce(scope, filter, now)
  const cards = await productCards(scope, lists.flatMap(listProductIds), filter.locale)
  return featuredListsView(lists, new Map(cards.map((c) => [c.id, c])), filter.group_slug)
}

type NewestFilter = { stars?: number; province_code?: string; group_slug?: string; limit: number }

/**
 * Product ids of the newest current approved certifications, by decision date (index
 * IDX_ocop_certification_current_newest / _stars_newest). Reads three times `limit`, since some
 * may belong to products that are not listed (producer suspended, product unpublished).
 */
async function newestCertifiedIds(scope: Scope, filter: NewestFilter): Promise<string[]> {
  const ocop: OcopModuleService = scope.resolve(OCOP_MODULE)
  const where: Record<string, unknown> = { status: "approved", is_current: true }
  if (filter.stars) where.stars = filter.stars
  if (filter.province_code) where.province_code = filter.province_code
  if (filter.group_slug) where.group_slug = filter.group_slug
  const certs = await ocop.listCertifications(where, {
    select: ["product_id", "decided_at", "valid_from"],
    order: { decided_at: "DESC", valid_from: "DESC" },
    take: filter.limit * 3,
  })
  return certs.map((c) => c.product_id)
}

/** The first `limit` of `ids` that have a card (listed products), in order. */
function firstCards(ids: string[], cardById: Map<string, ProductCard>, limit: number) {
  return [...new Set(ids)]
    .map((id) => cardById.get(id))
    .filter((c): c is ProductCard => !!c)
    .slice(0, limit)
}

/**
 * What a shop-front page shows besides search results, in one answer: the home page (no filter),
 * a province page or a product-group page. Featured lists in force (home placement on the home
 * page, the province's own on its page, every list on a group page, narrowed to the group),
 * campaigns in force with their dates, the newest 5★ products, on the home page the newest certified
 * products, and on a province page its producers.
 */
export async function showcase(
  scope: Scope,
  filter: { province_code?: string; group_slug?: string; locale?: string },
  now = new Date()
) {
  const { province_code, group_slug, locale } = filter
  const ocop = scope.resolve(OCOP_MODULE)
  const featuredPlacements = province_code ? ["province"] : group_slug ? ["home", "province"] : ["home"]
  const home = !province_code && !group_slug
  const SHELF = 8
  const [featured, campaignLists, fiveStarIds, newestIds, producers] = await Promise.all([
    featuredListsInForce(scope, { placements: featuredPlacements, province_code }, now),
    featuredListsInForce(scope, { placements: ["campaign"], province_code }, now),
    newestCertifiedIds(scope, { stars: 5, province_code, group_slug, limit: SHELF }),
    // a province or group page lists its products as search results already
    home ? newestCertifiedIds(scope, { limit: SHELF }) : Promise.resolve([]),
    province_code
      ? ocop.listProducers({ status: "active", province_code }, { order: { name: "ASC" }, take: 48 })
      : Promise.resolve([]),
  ])
  // One card look-up for every product the page shows (the shelves overlap, and each look-up is a
  // few queries across modules: at 100k products this is most of the answer's time).
  const cards = await productCards(
    scope,
    [...featured.flatMap(listProductIds), ...campaignLists.flatMap(listProductIds), ...fiveStarIds, ...newestIds],
    locale
  )
  const cardById = new Map(cards.map((c) => [c.id, c]))
  return {
    featured_lists: featuredListsView(featured, cardById, group_slug),
    campaigns: featuredListsView(campaignLists, cardById, group_slug),
    five_star: firstCards(fiveStarIds, cardById, SHELF),
    newest: firstCards(newestIds, cardById, SHELF),
    producers: producers.map(publicProducer),
  }
}
