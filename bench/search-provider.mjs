#!/usr/bin/env node
// Provider-level benchmark of the ocop-postgres search provider: N synthetic listed products in a
// database of its own on the embedded Postgres, 500 mixed Vietnamese queries (text, text+filters,
// filters only) through the same service the route uses, with disjunctive facet counts.
//   node bench/search-provider.mjs [--products 100000] [--queries 500] [--record]
// Needs a built plugin (cd plugins/search && npx medusa plugin:build). Server: DATABASE_SERVER_URL,
// else the embedded Postgres on OCOP_PG_PORT (default 54329); database ocop_search_bench, kept.
import { createRequire } from "node:module"
import { performance } from "node:perf_hooks"
import { parseArgs, printUsage } from "./lib/args.mjs"
import { PROV, TEXT } from "./lib/shopper-queries.mjs"
import { embeddedServerUrl } from "../scripts/lib/postgres.mjs"
const require = createRequire(import.meta.url)
const root = new URL("../plugins/search/.medusa/server/src/", import.meta.url).pathname
const { OcopPostgresSearchService } = require(root + "providers/ocop-postgres/service.js")
const { ocopProductFields, OCOP_PRODUCT_SETTINGS } = require(root + "lib/fields.js")
const { toSearchDocument } = require(root + "lib/document.js")
const { parseSearchParams } = require(root + "lib/params.js")
const { searchOcopProducts } = require(root + "lib/ocop-search.js")
const knexFactory = require("knex")

const OPTIONS = ["--products", "--queries", "--record", "--help", "-h"]
let args
try {
  args = parseArgs(process.argv.slice(2), OPTIONS, { products: 100000, queries: 500, record: false })
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
if (args.help) {
  printUsage(import.meta.url)
  process.exit(0)
}
const N = args.products,
  QUERIES = args.queries
const SERVER = process.env.DATABASE_SERVER_URL ?? embeddedServerUrl()
const DB = "ocop_search_bench"
let seed = 42
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const pick = (a) => a[Math.floor(rnd() * a.length)]

const NAMES = [
  "Nước mắm",
  "Trà Shan tuyết",
  "Chè búp",
  "Mật ong",
  "Cà phê",
  "Gạo ST25",
  "Bánh pía",
  "Kẹo dừa",
  "Rượu cần",
  "Yến sào",
  "Nấm linh chi",
  "Tinh dầu sả",
  "Miến dong",
  "Bánh phồng tôm",
  "Cá lóc khô",
  "Tương ớt",
  "Hạt điều",
  "Măng khô",
  "Mắm tôm",
  "Nem chua",
  "Chả mực",
  "Bưởi da xanh",
  "Cam Cao Phong",
  "Vải thiều",
  "Dầu lạc",
  "Thổ cẩm",
  "Gốm Bát Tràng",
  "Mây tre đan",
  "Hồng treo gió",
  "Sâm Ngọc Linh",
]
const ADJ = [
  "truyền thống",
  "đặc biệt",
  "hữu cơ",
  "thượng hạng",
  "nguyên chất",
  "loại 1",
  "gia truyền",
  "sấy lạnh",
  "hộp quà",
  "túi 500g",
  "chai 500ml",
  "cổ thụ",
  "Hoà Bình",
  "Đồng Tháp",
  "Phú Quốc",
  "Thái Nguyên",
]
const SUBS = [
  ["thuc-pham", "gia-vi"],
  ["thuc-pham", "che"],
  ["thuc-pham", "thuc-pham-che-bien"],
  ["thuc-pham", "ca-phe-ca-cao"],
  ["thuc-pham", "thuc-pham-tuoi-song"],
  ["do-uong", "do-uong-co-con"],
  ["do-uong", "do-uong-khong-con"],
  ["duoc-lieu", "my-pham-duoc-lieu"],
  ["duoc-lieu", "tinh-dau-duoc-lieu-khac"],
  ["thu-cong-my-nghe", "vai-may-mac"],
]
const CODES = [
  "01",
  "04",
  "02",
  "08",
  "11",
  "12",
  "14",
  "10",
  "15",
  "06",
  "19",
  "20",
  "22",
  "24",
  "27",
  "17",
  "25",
  "26",
  "30",
  "31",
  "33",
  "34",
  "35",
  "36",
  "37",
  "38",
  "40",
  "42",
  "44",
  "45",
  "46",
  "48",
  "49",
  "51",
  "62",
  "52",
  "64",
  "56",
  "58",
  "54",
  "66",
  "60",
  "67",
  "68",
  "70",
  "75",
  "74",
  "77",
  "79",
  "72",
  "80",
  "82",
  "87",
  "83",
  "84",
  "86",
  "89",
  "91",
  "92",
  "93",
  "94",
  "95",
  "96",
]
const TYPES = ["cooperative", "enterprise", "cooperative_group", "household"]

function productSource(i) {
  const [group, sub] = pick(SUBS)
  const title = `${pick(NAMES)} ${pick(ADJ)} ${i % 97 === 0 ? "lọc" : ""}`.trim()
  return {
    id: `prod_${String(i).padStart(7, "0")}`,
    handle: `p-${i}`,
    title,
    description: `${title}: sản phẩm OCOP của hợp tác xã, đạt chuẩn, đóng gói đẹp, làm quà tặng.`,
    status: "published",
    metadata: null,
    created_at: new Date(Date.UTC(2023, 0, 1) + i * 60000).toISOString(),
    variants: [
      { manage_inventory: false, prices: [{ amount: 20000 + Math.floor(rnd() * 200) * 5000, currency_code: "vnd" }] },
    ],
    producer: {
      handle: `htx-${i % 5000}`,
      name: `HTX ${pick(NAMES)} ${i % 5000}`,
      entity_type: pick(TYPES),
      province_code: "01",
    },
    certification: {
      stars: pick([3, 3, 3, 4, 4, 5]),
      group_slug: group,
      subgroup_slug: sub,
      province_code: pick(CODES),
    },
    listed: true,
  }
}

function queryFor(i) {
  const kind = i % 3
  const q = {}
  if (kind !== 2) q.q = pick(TEXT)
  if (kind !== 0) {
    if (rnd() < 0.6) q.province = pick(PROV)
    if (rnd() < 0.5) q.stars = pick([["5"], ["4", "5"], ["3"]])
    if (rnd() < 0.4) q.group = "thuc-pham"
    if (rnd() < 0.3) {
      q.min_price = "50000"
      q.max_price = "500000"
    }
    if (rnd() < 0.2) q.sort = pick(["price_asc", "newest", "stars"])
  }
  return q
}

const admin = knexFactory({ client: "pg", connection: `${SERVER}/postgres` })
const exists = (await admin.raw(`SELECT 1 FROM pg_database WHERE datname = ?`, [DB])).rows.length
if (!exists) await admin.raw(`CREATE DATABASE "${DB}"`)
const knex = knexFactory({ client: "pg", connection: `${SERVER}/${DB}`, pool: { min: 1, max: 8 } })
const provider = new OcopPostgresSearchService({
  manager: { execute: async (sql, params) => (await knex.raw(sql, params ?? [])).rows },
})
const index = {
  name: "ocop_product",
  entity: "product",
  fields: ocopProductFields.toFields(),
  primary_key: "id",
  provider: "ocop-postgres",
  settings: OCOP_PRODUCT_SETTINGS,
  definition_hash: "bench",
  physical_name: `ocop_product_bench_${N}`,
}
await provider.upsertIndex({ index })
const [{ n }] = (await knex.raw(`SELECT count(*)::int AS n FROM "ocop_search_${index.physical_name}"`)).rows
if (n < N) {
  const t0 = performance.now()
  for (let i = n; i < N; i += 1000) {
    const docs = []
    for (let j = i; j < Math.min(N, i + 1000); j++) docs.push(toSearchDocument(productSource(j)))
    await provider.upsertDocuments({ index: index.physical_name, definition: index, documents: docs })
    if ((i / 1000) % 10 === 0)
      process.stdout.write(
        `\rindexed ${i + docs.length}/${N} (${Math.round((i + docs.length - n) / ((performance.now() - t0) / 1000))} docs/s)`
      )
  }
  await knex.raw(`VACUUM ANALYZE "ocop_search_${index.physical_name}"`)
  console.log(`\nindex build: ${N - n} docs in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}
const module = {
  search: (query) => {
    const { q, ...filters } = query.filters ?? {}
    return provider.search({
      index,
      attributes_to_retrieve: query.fields,
      q,
      filters: Object.keys(filters).length ? filters : undefined,
      pagination: query.pagination,
      search_options: query.search_options,
    })
  },
}
seed = 4242 // the same queries whether or not the index was just built
const queries = Array.from({ length: QUERIES }, (_, i) => queryFor(i))
for (const q of queries.slice(0, 30)) await searchOcopProducts(module, parseSearchParams(q).value) // warm-up
const times = { all: [], text: [], text_filters: [], filters: [] }
const wallStart = performance.now()
let totalHits = 0
for (let i = 0; i < queries.length; i++) {
  const parsed = parseSearchParams(queries[i])
  const t = performance.now()
  const r = await searchOcopProducts(module, parsed.value)
  const ms = performance.now() - t
  totalHits += r.total
  times.all.push(ms)
  times[["text", "text_filters", "filters"][i % 3]].push(ms)
}
const pct = (a, p) => {
  const s = [...a].sort((x, y) => x - y)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}
for (const [k, a] of Object.entries(times))
  console.log(
    `${k.padEnd(13)} n=${String(a.length).padStart(3)} p50 ${pct(a, 50).toFixed(1)} ms  p95 ${pct(a, 95).toFixed(1)} ms  p99 ${pct(a, 99).toFixed(1)} ms`
  )
console.log(`mean hits per query: ${Math.round(totalHits / queries.length)}`)
if (args.record) {
  const { appendResults, summarize, machineInfo, postgresVersion } = await import("./lib/harness.mjs")
  const wall = performance.now() - wallStart
  const results = Object.entries(times).map(([k, a]) =>
    summarize(
      `provider search with facets: ${k}`,
      a.map((ms) => ({ ms })),
      wall,
      0
    )
  )
  await appendResults({
    title: `Search provider (ocop-postgres, no HTTP): ${QUERIES} mixed queries with disjunctive facet counts`,
    dataset: { "listed documents": N, queries: QUERIES },
    results,
    machine: await machineInfo({ pgVersion: await postgresVersion(`${SERVER}/${DB}`) }),
    notes: [
      "node bench/search-provider.mjs --products " +
        N +
        " --record; one sequential client; facets: province, group, subgroup, stars, producer type (disjunctive) + price stats",
      ...(process.env.BENCH_NOTE ? [process.env.BENCH_NOTE] : []),
    ],
  })
  console.log("appended to bench/RESULTS.md")
}
await knex.destroy()
await admin.destroy()
