/**
 * Property: the three ways the ocop-postgres provider counts facets agree. A search without free
 * text is answered by the in-memory facet cube; the same search through one GROUP BY pass over
 * the match set, or through one SQL subquery per facet, must give the same total, the same page
 * of hits and the same facet counts. With free text there is no cube; the two SQL paths must
 * agree. Random filters (province incl. former names, group/subgroup, stars, price range, stock,
 * producer type, sort, page) over a generated catalogue in a temporary Postgres database.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { toSearchDocument, type ProductSource } from "../lib/document"
import { buildSearchQuery } from "../lib/ocop-search"
import { parseSearchParams, PRODUCER_TYPES, SORTS } from "../lib/params"
import { OcopPostgresSearchService, type FacetStrategy } from "../providers/ocop-postgres/service"
import type { Executor } from "../providers/ocop-postgres/sql"
import { product } from "./fixtures"
import { createTempDatabase, ocopProductIndex, providerQuery, type TempDatabase } from "./temp-database"

/**
 * The SQL engine with its facet path forced (or chosen as in production), counting cube answers.
 * The in-process index is off: it counts without words too (its answers are proved against SQL by
 * contract-memory.pg.test.ts and memory-index.pg.test.ts); this file proves SQL's three paths.
 */
class ProviderOnPath extends OcopPostgresSearchService {
  cubeAnswers = 0
  constructor(
    manager: Executor,
    private readonly forced?: FacetStrategy
  ) {
    super({ manager }, { memory_index: false })
  }
  protected facetStrategy(...args: Parameters<OcopPostgresSearchService["facetStrategy"]>): FacetStrategy {
    return this.forced ?? super.facetStrategy(...args)
  }
  protected async countFromCube(...args: Parameters<OcopPostgresSearchService["countFromCube"]>) {
    const row = await super.countFromCube(...args)
    if (row) this.cubeAnswers++
    return row
  }
}

// ---- a generated catalogue: few values per field, so filters and facets overlap a lot -------------
const PROVINCE_CODES = ["91", "60", "31", "02", "19", "87", "17", "56", "01", "89", "66", "83"]
const SUBGROUPS: [string, string | null][] = [
  ["thuc-pham", "gia-vi"],
  ["thuc-pham", "che"],
  ["thuc-pham", "thuc-pham-che-bien"],
  ["thuc-pham", null],
  ["do-uong", "do-uong-co-con"],
  ["duoc-lieu", "thuc-pham-chuc-nang-thuoc-duoc-lieu"],
  ["thu-cong-my-nghe", "thu-cong-my-nghe-gia-dung-trang-tri"],
]
const PRICES = [45000, 90000, 100000, 120000, 185000, 250000, 500000, 800000]
const NAMES = ["Nước mắm", "Trà Shan tuyết", "Mật ong", "Cà phê", "Kẹo dừa", "Rượu cần", "Cá lóc khô", "Máy lọc nước"]
const ADJECTIVES = ["truyền thống", "Hoà Bình", "Phú Quốc", "hữu cơ", "đặc biệt", "Khánh Hòa"]
const CATALOGUE_SIZE = 320

function catalogue(): ProductSource[] {
  let seed = 2026
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]
  return Array.from({ length: CATALOGUE_SIZE }, (_, i) => {
    const [group, subgroup] = pick(SUBGROUPS)
    const price = rnd() < 0.05 ? null : pick(PRICES)
    const source = product({
      id: `prod_${String(i).padStart(4, "0")}`,
      title: `${pick(NAMES)} ${pick(ADJECTIVES)}`,
      stars: pick([3, 3, 4, 4, 5]),
      province: pick(PROVINCE_CODES),
      group,
      price: price ?? 0,
      producer_type: pick(PRODUCER_TYPES),
    })
    source.certification!.subgroup_slug = subgroup
    // no VND price → no min_price; an inventory-managed variant without stock → not in stock
    source.variants = [
      { manage_inventory: rnd() < 0.3, prices: price === null ? [] : [{ amount: price, currency_code: "vnd" }] },
    ]
    return source
  })
}

// ---- random searches ----------------------------------------------------------------------------
const TEXTS = [
  "nước mắm",
  "nuoc mam",
  "tra shan tuyet",
  "mật ong",
  "ca phe",
  "hòa bình",
  "nuoc mamm",
  "lọc",
  "lóc",
  "xyzzy",
]
const PROVINCES = ["an-giang", "lam-dong", "ha-noi", "tuyen-quang", "dak-lak", "vinh-long", "Bình Thuận", "kien giang"]
const PRICE_BOUNDS = [0, 45000, 90000, 100000, 185000, 250000, 1000000]

/** Present about one time in three, so most searches keep a few filters and still find something. */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: arb, weight: 1 })

const shopperQuery = fc
  .record({
    q: sometimes(fc.constantFrom(...TEXTS)),
    province: sometimes(fc.constantFrom(...PROVINCES)),
    groups: sometimes(fc.tuple(fc.constantFrom(...SUBGROUPS), fc.constantFrom("group", "subgroup", "both"))),
    stars: sometimes(fc.subarray(["3", "4", "5"], { minLength: 1 })),
    prices: sometimes(
      fc.tuple(fc.option(fc.constantFrom(...PRICE_BOUNDS)), fc.option(fc.constantFrom(...PRICE_BOUNDS)))
    ),
    in_stock: sometimes(fc.constantFrom("true", "false")),
    producer_type: sometimes(fc.subarray([...PRODUCER_TYPES], { minLength: 1, maxLength: 2 })),
    sort: sometimes(fc.constantFrom(...SORTS)),
    page: sometimes(fc.constantFrom("1", "2")),
    limit: sometimes(fc.constantFrom("5", "20")),
  })
  .map(({ groups, prices, ...rest }) => {
    const query: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
    if (groups) {
      const [[group, subgroup], which] = groups
      if (which !== "subgroup" || !subgroup) query.group = group
      if (which !== "group" && subgroup) query.subgroup = subgroup
    }
    const bounds: (number | null)[] = prices ?? []
    const [low, high] = bounds.filter((p): p is number => p !== null).sort((a, b) => a - b)
    if (low !== undefined) query.min_price = String(low)
    if (high !== undefined) query.max_price = String(high)
    return query
  })

/** Raw provider filters on the cube's dimensions, with every operator the cube mirrors. */
const field = <T>(values: fc.Arbitrary<T>) =>
  fc.oneof(
    values,
    fc.constant(null),
    fc.array(values, { minLength: 1, maxLength: 3 }),
    fc.record({ $eq: values }),
    fc.record({ $ne: fc.oneof(values, fc.constant(null)) }),
    fc.record({ $in: fc.array(values, { minLength: 1, maxLength: 3 }) }),
    fc.record({ $nin: fc.array(values, { minLength: 1, maxLength: 3 }) })
  )
const range = (values: fc.Arbitrary<number>) =>
  fc.record({ $gt: values, $gte: values, $lt: values, $lte: values }, { requiredKeys: [] })
const rawFilters = fc
  .record({
    province_slug: sometimes(field(fc.constantFrom("an-giang", "lam-dong", "ha-noi", "dak-lak"))),
    group_slug: sometimes(field(fc.constantFrom("thuc-pham", "do-uong"))),
    subgroup_slug: sometimes(field(fc.constantFrom("gia-vi", "che"))),
    stars: sometimes(fc.oneof(field(fc.constantFrom(3, 4, 5)), range(fc.constantFrom(3, 4, 5)))),
    min_price: sometimes(fc.oneof(range(fc.constantFrom(...PRICE_BOUNDS)), field(fc.constantFrom(...PRICES)))),
    in_stock: sometimes(fc.boolean()),
  })
  .map((filters) => Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)))

// ---- what must agree ----------------------------------------------------------------------------
function comparable(result: SearchTypes.SearchResult) {
  const facets: Record<string, unknown> = {}
  for (const [name, f] of Object.entries(result.facets ?? {})) {
    if (f.type === "value")
      facets[name] = [...f.values].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    else if (f.type === "stats")
      facets[name] = { ...f, avg: f.avg === undefined ? undefined : Math.round(f.avg * 1e6) / 1e6 }
    else facets[name] = f
  }
  return { total: result.metadata.count, hits: result.hits.map((h) => h.id), facets }
}

let db: TempDatabase
const index = ocopProductIndex("ocop_product_facet_paths")
let auto: ProviderOnPath
let onePass: ProviderOnPath
let perFacet: ProviderOnPath
const seen = { searches: 0, withHits: 0, withText: 0, cube: 0 }

async function searchAllPaths(input: SearchTypes.ProviderSearchQuery) {
  const cubeBefore = auto.cubeAnswers
  const [a, b, c] = [await auto.search(input), await onePass.search(input), await perFacet.search(input)]
  const hasText = !!input.q?.trim()
  // without text the cube answers every search these generators make (it never silently falls back)
  if (!hasText) expect(auto.cubeAnswers).toBe(cubeBefore + 1)
  expect(comparable(b)).toEqual(comparable(a))
  expect(comparable(c)).toEqual(comparable(a))
  seen.searches++
  if (a.metadata.count) seen.withHits++
  if (hasText) seen.withText++
  else seen.cube++
}

beforeAll(async () => {
  db = await createTempDatabase("ocop_search_facet_paths")
  auto = new ProviderOnPath(db.manager)
  onePass = new ProviderOnPath(db.manager, "one-pass")
  perFacet = new ProviderOnPath(db.manager, "per-facet")
  await auto.upsertIndex({ index })
  const documents = catalogue()
    .map(toSearchDocument)
    .filter((d): d is NonNullable<typeof d> => !!d)
  await auto.upsertDocuments({ index: index.physical_name, definition: index, documents })
}, 60_000)

afterAll(async () => {
  await db?.drop()
})

describe("facet counts: facet cube = one GROUP BY pass = one subquery per facet", () => {
  it("agree for random shopper searches (through the OCOP search service's query)", async () => {
    await fc.assert(
      fc.asyncProperty(shopperQuery, async (query) => {
        const parsed = parseSearchParams(query)
        if (!parsed.ok) throw new Error(`generated an invalid query: ${JSON.stringify(parsed.errors)}`)
        await searchAllPaths(providerQuery(index, buildSearchQuery(parsed.value)))
      }),
      { numRuns: 150 }
    )
  })

  it("agree for random raw filters (=, null, lists, $ne, $in, $nin, ranges), disjunctive or not", async () => {
    await fc.assert(
      fc.asyncProperty(
        rawFilters,
        fc.boolean(),
        sometimes(fc.constantFrom(...TEXTS)),
        async (filters, disjunctive, q) => {
          await searchAllPaths({
            index,
            attributes_to_retrieve: ["id"],
            q,
            filters: Object.keys(filters).length ? (filters as SearchTypes.ProviderSearchQuery["filters"]) : undefined,
            pagination: { skip: 0, take: 10, order: { stars: "DESC" } },
            search_options: {
              facets: [
                "province_slug",
                "group_slug",
                "subgroup_slug",
                "stars",
                "producer_type",
                { field: "min_price", type: "stats" },
              ],
              provider_options: { "ocop-postgres": { disjunctive } },
              count: "exact",
            },
          })
        }
      ),
      { numRuns: 150 }
    )
  })

  it("the cube follows writes: a changed document changes its counts at once", async () => {
    const input = {
      index,
      attributes_to_retrieve: ["id"],
      filters: { stars: 5 },
      pagination: { take: 0 },
      search_options: {
        facets: ["stars", "province_slug"],
        provider_options: { "ocop-postgres": { disjunctive: true } },
      },
    } as SearchTypes.ProviderSearchQuery
    const before = (await auto.search(input)).metadata.count!
    const moved = catalogue().find((p) => p.certification?.stars !== 5)!
    moved.certification!.stars = 5
    await auto.upsertDocuments({ index: index.physical_name, definition: index, documents: [toSearchDocument(moved)!] })
    expect((await auto.search(input)).metadata.count).toBe(before + 1)
    await searchAllPaths(input)
  })

  it("covered searches that find something, with and without text (not a vacuous pass)", () => {
    expect(seen.searches).toBeGreaterThanOrEqual(300)
    expect(seen.withHits).toBeGreaterThan(seen.searches / 4)
    expect(seen.withText).toBeGreaterThan(seen.searches / 5)
    expect(seen.cube).toBeGreaterThan(seen.searches / 5)
  })
})
