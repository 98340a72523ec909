import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IPricingModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, QueryContext, isPresent } from "@medusajs/framework/utils"
import { storeProductRoutesMiddlewares } from "@medusajs/medusa/api/store/products/middlewares"
import { GET as medusaListProducts } from "@medusajs/medusa/api/store/products/route"
import { wrapProductsWithTaxPrices } from "@medusajs/medusa/api/store/products/helpers"
import {
  prepareInventoryQuantityFields,
  wrapVariantsWithInventoryQuantityForSalesChannel,
} from "@medusajs/medusa/api/utils/middlewares/index"
import {
  asStrings,
  channelPageFilters,
  channelPageOrder,
  channelProductPage,
  channelVariantAvailability,
  variantPriceSets,
} from "../../lib/channel-product-page"

/**
 * GET /store/products with the publishable key's channel as an EXISTS instead of Medusa's
 * `id IN (…every id of the channel…)` (docs/decisions/016-store-products-channel-filter.md).
 *
 * Registered as a global middleware on /store/products, so it runs before Medusa's route
 * middlewares; it runs Medusa's own chain for that route (validation, channel selection from the
 * key, default filters, pricing and tax context) with one step swapped — the link filter — and
 * answers. Requests whose filters the SQL page does not cover (q, tags, categories, options,
 * date ranges, $and/$or, nested order) keep Medusa's link filter and route handler unchanged.
 */

type Handler = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown
type ChannelPageRequest = MedusaRequest & {
  filterableFields: Record<string, unknown>
  queryConfig: { fields: string[]; pagination?: { skip?: number; take?: number; order?: unknown } }
  pricingContext?: Record<string, unknown>
  locale?: string
  ocopChannelPage?: { channelIds: string[] }
  publishable_key_context?: { sales_channel_ids?: string[] }
}
type StoreRequest = Parameters<typeof wrapProductsWithTaxPrices>[0]
type VariantRow = {
  id?: string
  manage_inventory?: boolean
  inventory_quantity?: number | null
  calculated_price?: unknown
}
type ProductRow = { id: string; variants?: VariantRow[] }

const LIST_PATH = "/store/products"
function coveredBySqlPage(req: ChannelPageRequest): boolean {
  return (
    !!channelPageFilters(req.filterableFields) &&
    !!channelPageOrder(req.queryConfig?.pagination?.order) &&
    !!asStrings(req.filterableFields.sales_channel_id)?.length
  )
}

/** Replaces Medusa's link filter step: the channel stays for the SQL page when it can answer. */
function chooseChannelFilter(medusaLinkFilter: Handler): Handler {
  return (req, res, next) => {
    const r = req as ChannelPageRequest
    if (!coveredBySqlPage(r)) return medusaLinkFilter(req, res, next)
    r.ocopChannelPage = { channelIds: asStrings(r.filterableFields.sales_channel_id) ?? [] }
    delete r.filterableFields.sales_channel_id
    next()
  }
}

const CALCULATED_PRICE = "variants.calculated_price.*"

/**
 * Fields for the product query when the page asks for `*variants.calculated_price` (the
 * storefront's price): without it, so query.graph does not walk variant → link → price set, and
 * with the variant id the prices are attached by (Medusa's answer has it too). Null when other
 * price fields are asked for.
 */
function pricedVariantFields(fields: string[]): string[] | null {
  if (!fields.includes(CALCULATED_PRICE)) return null
  if (fields.some((f) => f !== CALCULATED_PRICE && f.startsWith("variants.calculated_price"))) return null
  const rest = fields.filter((f) => f !== CALCULATED_PRICE)
  return rest.includes("variants.id") || rest.includes("variants.*") ? rest : [...rest, "variants.id"]
}

/**
 * `variants.calculated_price` as query.graph would set it — the pricing module's calculatePrices
 * for each variant's price set in the request's pricing context — without the remote joiner's
 * link and price-set entity loads. A variant with no price-set link gets no `calculated_price`, as
 * query.graph answers it, so such a product does not cost a second read of the page.
 */
async function addCalculatedPrices(req: ChannelPageRequest, products: ProductRow[]) {
  const variants = products.flatMap((p) => p.variants ?? []).filter((v) => v?.id)
  const links = await variantPriceSets(
    req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION),
    variants.map((v) => v.id as string)
  )
  const pricing = req.scope.resolve<IPricingModuleService>(Modules.PRICING)
  const prices = links.size
    ? await pricing.calculatePrices({ id: [...new Set(links.values())] }, { context: req.pricingContext as never })
    : []
  const byPriceSet = new Map(prices.map((p) => [p.id, p]))
  for (const v of variants) {
    const priceSet = links.get(v.id as string)
    if (priceSet) v.calculated_price = byPriceSet.get(priceSet) ?? null
  }
}

/**
 * `variants.inventory_quantity` as Medusa's wrapVariantsWithInventoryQuantityForSalesChannel sets
 * it (same channel choice: the key's only channel, else the only requested one), from one SQL
 * statement; anything it does not answer goes Medusa's way, errors included.
 */
async function addInventoryQuantities(req: ChannelPageRequest, variants: VariantRow[]) {
  const keyChannels = req.publishable_key_context?.sales_channel_ids ?? []
  const channelId = keyChannels.length === 1 ? keyChannels[0] : req.ocopChannelPage?.channelIds[0]
  const managed = variants.filter((v) => v?.id && v.manage_inventory)
  const single = keyChannels.length === 1 || req.ocopChannelPage?.channelIds.length === 1
  const known =
    single && channelId
      ? await channelVariantAvailability(
          req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION),
          channelId,
          managed.map((v) => v.id as string)
        )
      : new Map<string, number | null>()
  for (const v of managed) if (known.has(v.id as string)) v.inventory_quantity = known.get(v.id as string) ?? null
  const rest = managed.filter((v) => !known.has(v.id as string))
  if (rest.length || !single)
    await wrapVariantsWithInventoryQuantityForSalesChannel(req as unknown as StoreRequest, rest as never)
}

/** Medusa's list handler (route.ts getProducts) with the page and count from channelProductPage. */
async function listChannelProducts(req: ChannelPageRequest, res: MedusaResponse) {
  const { queryConfig } = req
  const filters = channelPageFilters(req.filterableFields)
  const order = channelPageOrder(queryConfig.pagination?.order)
  if (!filters || !order || !req.ocopChannelPage)
    throw new Error("store products: the SQL page was chosen for a request it cannot answer")
  const { fields, withInventoryQuantity } = prepareInventoryQuantityFields(queryConfig.fields, { relation: "variants" })
  const context: Record<string, unknown> = {}
  if (req.pricingContext && isPresent(req.pricingContext))
    context.variants = { calculated_price: QueryContext(req.pricingContext) }
  const skip = Number(queryConfig.pagination?.skip ?? 0)
  const take = Number(queryConfig.pagination?.take ?? 50)
  const page = await channelProductPage(req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION), {
    channelIds: req.ocopChannelPage.channelIds,
    filters,
    order,
    skip,
    take,
  })
  let products: ProductRow[] = []
  if (page.ids.length) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const load = (graphFields: string[], graphContext: Record<string, unknown>) =>
      query.graph(
        { entity: "product", fields: graphFields, filters: { id: page.ids }, context: graphContext },
        { locale: req.locale }
      )
    const priced = req.pricingContext && isPresent(req.pricingContext) ? pricedVariantFields(fields) : null
    const data = priced
      ? ((await load(priced, {})).data as ProductRow[])
      : ((await load(fields, context)).data as ProductRow[])
    if (priced) await addCalculatedPrices(req, data)
    const byId = new Map(data.map((p) => [p.id, p]))
    products = page.ids.flatMap((id) => byId.get(id) ?? [])
  }
  if (withInventoryQuantity)
    await addInventoryQuantities(
      req,
      products.flatMap((p) => p.variants ?? [])
    )
  await wrapProductsWithTaxPrices(req as unknown as StoreRequest, products as never)
  res.json({ products, count: page.count, offset: skip, limit: take })
}

function runChain(chain: Handler[], req: MedusaRequest, res: MedusaResponse, done: (err?: unknown) => void) {
  let i = 0
  const step = (err?: unknown) => {
    if (err) return done(err)
    if (i >= chain.length) return done()
    const handler = chain[i++]
    try {
      const result = handler(req, res, step as MedusaNextFunction) as Promise<unknown> | undefined
      if (result && typeof result.catch === "function") result.catch(step)
    } catch (error) {
      step(error)
    }
  }
  step()
}

function buildChain(): Handler[] | null {
  const route = storeProductRoutesMiddlewares.find((r) => r.matcher === LIST_PATH && [r.method].flat().includes("GET"))
  const steps = (route?.middlewares ?? []) as Handler[]
  const at = steps.findIndex((m) => m.name === "applyMaybeLinkFilterIfNecessary")
  if (at < 0) return null
  return [...steps.slice(0, at), chooseChannelFilter(steps[at]), ...steps.slice(at + 1)]
}

let chain: Handler[] | null | undefined

/** Global middleware on /store/products: answers GET /store/products itself, passes everything else on. */
export async function serveStoreProductList(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const path = req.originalUrl.split("?")[0].replace(/\/+$/, "")
  if (req.method !== "GET" || path !== LIST_PATH) return next()
  if (chain === undefined) {
    chain = buildChain()
    // A Medusa upgrade that renames the step: keep Medusa's own path (slow, correct) and say so.
    if (!chain)
      console.warn("[ocop] GET /store/products: Medusa's link filter step was not found; using Medusa's route")
  }
  if (!chain) return next()
  runChain(chain, req, res, (err) => {
    if (err) return next(err)
    const r = req as ChannelPageRequest
    const answer = r.ocopChannelPage
      ? listChannelProducts(r, res)
      : medusaListProducts(req as unknown as Parameters<typeof medusaListProducts>[0], res)
    Promise.resolve(answer).catch(next)
  })
}
