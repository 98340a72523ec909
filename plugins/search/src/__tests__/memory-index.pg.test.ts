/**
 * The in-process index (providers/ocop-postgres/memory-index.ts) answers exactly as SQL does —
 * same hits in the same order with the same scores, same totals and facet counts — over a
 * generated catalogue and the benchmark's shoppers' queries; and a process that did not write
 * sees another process's delisting, relisting and clear through the change log.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { toSearchDocument } from "../lib/document"
import { searchOcopProducts, suggestOcopProducts } from "../lib/ocop-search"
import { parseSearchParams } from "../lib/params"
import { memoryIndexLoads } from "../providers/ocop-postgres/memory-index-follower"
import { scoringPaths } from "../providers/ocop-postgres/memory-search"
import { tableNameFor } from "../providers/ocop-postgres/plan"
import { OcopPostgresSearchService } from "../providers/ocop-postgres/service"
import { product } from "./fixtures"
import { createTempDatabase, ocopProductIndex, providerQuery, type TempDatabase } from "./temp-database"

const NAMES = ["Nước mắm", "Trà Shan tuyết", "Mật ong", "Cà phê", "Gạo ST25", "Bánh pía", "Kẹo dừa", "Rượu cần"]
const MORE = ["Nấm linh chi", "Cá lóc khô", "Cá lọc", "Hạt điều", "Tương ớt", "Sâm Ngọc Linh", "Thổ cẩm", "Gốm"]
const ADJ = ["truyền thống", "đặc biệt", "hữu cơ", "hộp quà", "Hoà Bình", "Hòa Bình", "Đồng Tháp", "Phú Quốc", ""]
const PROVINCES = ["01", "04", "08", "19", "31", "40", "48", "60", "66", "68", "79", "82", "87", "91", "96"]
const GROUPS = [
  ["thuc-pham", "gia-vi"],
  ["thuc-pham", "che"],
  ["do-uong", "do-uong-co-con"],
  ["duoc-lieu", "my-pham-duoc-lieu"],
]
const TYPES = ["cooperative", "enterprise", "household"]
const TEXT = [
  "nước mắm",
  "nuoc mam",
  "nuoc mamm",
  "trà shan tuyết",
  "mật ong",
  "ca phe",
  "cafe",
  "hoà bình",
  "hòa bình",
  "lọc",
  "cá lóc",
  "quà",
  "gạo st25",
  "sâm ngọc linh",
  "thổ cẩm",
  "hat dieu",
  "kẹo",
  "nấm",
]

let seed = 7
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]

function catalogue(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const [group, subgroup] = pick(GROUPS)
    const title = `${pick(rnd() < 0.7 ? NAMES : MORE)} ${pick(ADJ)}`.trim()
    return product({
      id: `prod_m${String(i).padStart(5, "0")}`,
      title,
      description: rnd() < 0.5 ? `${title}: sản phẩm OCOP, làm quà tặng.` : undefined,
      stars: pick([3, 3, 4, 4, 5]),
      province: pick(PROVINCES),
      group,
      subgroup,
      price: 20000 + Math.floor(rnd() * 40) * 5000,
      producer_type: pick(TYPES),
      producer: `HTX ${pick(MORE)} ${i % 50}`,
      created_at: new Date(Date.UTC(2024, 0, 1) + (i % 300) * 86_400_000).toISOString(),
    })
  })
}

let db: TempDatabase
let sql: OcopPostgresSearchService
let memory: OcopPostgresSearchService
const resolved = ocopProductIndex("ocop_product_memory")
const on = (provider: OcopPostgresSearchService) => ({
  search: (query: SearchTypes.SearchQuery) => provider.search(providerQuery(resolved, query)),
})

async function both(query: Record<string, unknown>) {
  const parsed = parseSearchParams(query)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const [a, b] = await Promise.all([
    searchOcopProducts(on(sql), parsed.value),
    searchOcopProducts(on(memory), parsed.value),
  ])
  return { sql: { ...a, took_ms: 0 }, memory: { ...b, took_ms: 0 } }
}

beforeAll(async () => {
  db = await createTempDatabase("ocop_search_memory")
  sql = new OcopPostgresSearchService({ manager: db.manager }, { memory_index: false })
  memory = new OcopPostgresSearchService({ manager: db.manager }, { memory_index: true })
  await sql.upsertIndex({ index: resolved })
  const documents = catalogue(1500).map(toSearchDocument) as unknown as SearchTypes.SearchDocument[]
  await sql.upsertDocuments({ index: resolved.physical_name, definition: resolved, documents })
  expect(await memory.warmMemoryIndex([resolved.physical_name])).toBe(true)
}, 120_000)

afterAll(async () => {
  await db?.drop()
})

describe("in-process index: its load's progress (boot log, /health/ready)", () => {
  it("counts the rows read against the table's count and marks the load done", () => {
    const progress = memoryIndexLoads().get(tableNameFor(resolved.physical_name))
    expect(progress).toMatchObject({ loaded: 1500, total: 1500, done: true })
    expect(progress?.failed).toBeUndefined()
  })
})

describe("in-process index: the same answers as SQL", () => {
  const filters: Record<string, string | string[]>[] = [
    {},
    { province: "ha-noi" },
    { stars: ["4", "5"], group: "thuc-pham" },
    { min_price: "50000", max_price: "150000", producer_type: "household" },
    { sort: "price_asc" },
    { sort: "newest", stars: "3" },
    { sort: "stars", page: "2", limit: "10" },
    { page: "3", limit: "5" },
  ]
  it.each(TEXT)("%s: hits, order, scores, total and facets", async (q) => {
    for (const f of filters) {
      const r = await both({ q, ...f })
      expect(r.memory, JSON.stringify({ q, ...f })).toEqual(r.sql)
    }
  })
  it("scores themselves, typo corrections and highlights are the same", async () => {
    for (const q of TEXT) {
      const query = {
        index: resolved,
        q,
        attributes_to_retrieve: ["id", "title"],
        pagination: { skip: 0, take: 30 },
        search_options: { include_score: true, highlight: { fields: ["title"] }, typo_tolerance: true },
      } as SearchTypes.ProviderSearchQuery
      const [a, b] = await Promise.all([sql.search(query), memory.search(query)])
      expect(b.hits, q).toEqual(a.hits)
      expect({ ...b.metadata, processing_time_ms: 0 }).toEqual({ ...a.metadata, processing_time_ms: 0 })
    }
  })
  it("type-ahead (prefix of the last word) suggests the same titles", async () => {
    for (const q of ["nu", "nuoc m", "tra sh", "ca", "mật o", "gốm", "hoà b"]) {
      expect(await suggestOcopProducts(on(memory), q), q).toEqual(await suggestOcopProducts(on(sql), q))
    }
    // no word to complete: nothing from either engine
    for (const q of ["☃", "..", "%"]) {
      expect((await suggestOcopProducts(on(memory), q)).suggestions, q).toEqual([])
      expect((await suggestOcopProducts(on(sql), q)).suggestions, q).toEqual([])
    }
  })
  it("without words: the page from the presorted order, total and facets from the cube", async () => {
    for (const f of filters) {
      const r = await both(f)
      expect(r.memory, JSON.stringify(f)).toEqual(r.sql)
    }
  })
  it("entries gathered term-at-a-time score like merging every lexeme's cursor", async () => {
    scoringPaths.gather = "always"
    try {
      for (const q of ["nuoc mam", "tra shan tuyet", "mật ong", "cá lóc", "gạo st25"]) {
        for (const f of filters.slice(0, 4)) {
          const r = await both({ q, ...f })
          expect(r.memory, JSON.stringify({ q, ...f })).toEqual(r.sql)
        }
      }
      for (const q of ["nuoc m", "tra sh", "mật o", "hoà b", "ca p"]) {
        expect(await suggestOcopProducts(on(memory), q), q).toEqual(await suggestOcopProducts(on(sql), q))
      }
    } finally {
      scoringPaths.gather = "auto"
    }
  })
})

describe("in-process index: another process's writes", () => {
  const untilEqual = async (query: Record<string, unknown>, check: (r: Awaited<ReturnType<typeof both>>) => void) => {
    const deadline = Date.now() + 10_000
    for (;;) {
      const r = await both(query)
      try {
        check(r)
        return r
      } catch (error) {
        if (Date.now() > deadline) throw error
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }
  }
  it("a kept type-ahead answer is not given once the index changed", async () => {
    const first = await suggestOcopProducts(on(memory), "mật o")
    await memory.typeAheadWarmed() // the two-letter warm-up the first type-ahead started
    expect(await suggestOcopProducts(on(memory), "mật o")).toEqual(first) // kept
    const gone = first.suggestions[0].id
    await sql.deleteDocuments({ index: resolved.physical_name, filters: { id: [gone] } })
    const deadline = Date.now() + 10_000
    for (;;) {
      const [a, b] = [await suggestOcopProducts(on(memory), "mật o"), await suggestOcopProducts(on(sql), "mật o")]
      if (
        (!b.suggestions.some((x) => x.id === gone) && JSON.stringify(a) === JSON.stringify(b)) ||
        Date.now() > deadline
      ) {
        expect(a.suggestions.map((x) => x.id)).not.toContain(gone)
        expect(a).toEqual(b)
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    for (const q of ["mâ", "ma", "nư", "ca"]) {
      expect(await suggestOcopProducts(on(memory), q), q).toEqual(await suggestOcopProducts(on(sql), q))
    }
    // kept answers (several words, a short last one too) follow later writes: new best matches
    // appear, a delisted one leaves — exactly as SQL answers
    const prefixes = ["nước m", "nuoc m", "trà shan t", "cá l", "mật o", "mậ", "ng"]
    for (const q of prefixes) await suggestOcopProducts(on(memory), q)
    const top = (id: string, title: string) =>
      toSearchDocument(product({ id, title, stars: 5, province: "96", group: "thuc-pham", price: 99000 }))
    // 5 stars and the first ids: a type-ahead ranked by the name (then stars, then id) lists them first
    const documents = [top("prod_0_top1", "Mật ong"), top("prod_0_top2", "Nước mắm")]
    await sql.upsertDocuments({
      index: resolved.physical_name,
      definition: resolved,
      documents: documents as unknown as SearchTypes.SearchDocument[],
    })
    const shown = (await suggestOcopProducts(on(sql), "trà shan t")).suggestions[0].id
    await sql.deleteDocuments({ index: resolved.physical_name, filters: { id: [shown] } })
    const until = Date.now() + 10_000
    for (;;) {
      const answers = await Promise.all(
        prefixes.map(async (q) => [await suggestOcopProducts(on(memory), q), await suggestOcopProducts(on(sql), q)])
      )
      const sqlIds = answers.map(([, b]) => b.suggestions.map((x) => x.id).join(" ")).join(" ")
      const written = sqlIds.includes("prod_0_top1") && sqlIds.includes("prod_0_top2") && !sqlIds.includes(shown)
      if ((written && answers.every(([a, b]) => JSON.stringify(a) === JSON.stringify(b))) || Date.now() > until) {
        for (const [k, [a, b]] of answers.entries()) expect(a, prefixes[k]).toEqual(b)
        expect(written).toBe(true) // both new products shown, the delisted one gone (as SQL answers)
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  })

  it("a delisting, a new product, a rewound log and a clear reach a process that did not write", async () => {
    // `sql` writes (another server process); `memory` never writes, it follows the change log
    const before = await both({ q: "mật ong", limit: "100" })
    const gone = before.memory.hits[0].id
    await sql.deleteDocuments({ index: resolved.physical_name, filters: { id: [gone] } })
    await untilEqual({ q: "mật ong", limit: "100" }, (r) => {
      expect(r.memory.hits.map((h) => h.id)).not.toContain(gone)
      expect(r.memory).toEqual(r.sql)
    })
    const fresh = product({
      id: "prod_m_new",
      title: "Mật ong rừng U Minh",
      stars: 5,
      province: "96",
      group: "thuc-pham",
      price: 99000,
    })
    const documents = [toSearchDocument(fresh)] as unknown as SearchTypes.SearchDocument[]
    await sql.upsertDocuments({ index: resolved.physical_name, definition: resolved, documents })
    await untilEqual({ q: "mật ong rừng" }, (r) => {
      expect(r.memory.hits.map((h) => h.id)).toContain("prod_m_new")
      expect(r.memory).toEqual(r.sql)
    })
    await rewoundLog(untilEqual)
    await sql.clearIndex({ index: resolved.physical_name })
    // a whole-table change: the process loads again (SQL answers meanwhile), never stale
    await untilEqual({ q: "mật ong" }, (r) => {
      expect(r.memory.total).toBe(0)
      expect(r.memory).toEqual(r.sql)
    })
  })
})

/**
 * The database is put back to a snapshot under a running process (what Medusa's test runner does
 * before every test, what a restore from backup does): the product it had seen deleted is back,
 * and the log's sequence hands the next write the number of an entry the process already applied.
 * The process must notice (the entry it applied last is gone) and load again — never stay stale.
 */
async function rewoundLog(
  untilEqual: (q: Record<string, unknown>, check: (r: Awaited<ReturnType<typeof both>>) => void) => Promise<unknown>
) {
  const [{ table }] = await db.manager.execute(
    `SELECT "table_name" AS table FROM "ocop_search_catalog" WHERE "name" = ?`,
    [resolved.physical_name]
  )
  const doc = (id: string, title: string) =>
    [
      toSearchDocument(product({ id, title, stars: 4, province: "01", group: "thuc-pham", price: 50000 })),
    ] as unknown as SearchTypes.SearchDocument[]
  const write = (documents: SearchTypes.SearchDocument[]) =>
    sql.upsertDocuments({ index: resolved.physical_name, definition: resolved, documents })
  await write([...doc("prod_m_snap_a", "Mắm tôm chua Huế"), ...doc("prod_m_snap_b", "Mắm tôm chua Quảng Trị")])
  await untilEqual({ q: "mắm tôm chua" }, (r) => expect(r.memory.total).toBe(2))
  const [{ seq: snapshot }] = await db.manager.execute(`SELECT max("seq")::text AS seq FROM "${table}_chg"`)

  await sql.deleteDocuments({ index: resolved.physical_name, filters: { id: ["prod_m_snap_a"] } })
  await untilEqual({ q: "mắm tôm chua" }, (r) => expect(r.memory.total).toBe(1))

  // back to the snapshot: a is there again, the log and its sequence end where they ended then
  await write(doc("prod_m_snap_a", "Mắm tôm chua Huế"))
  await db.manager.execute(`DELETE FROM "${table}_chg" WHERE "seq" > ?`, [snapshot])
  await db.manager.execute(`SELECT setval(pg_get_serial_sequence(?, 'seq'), ?)`, [`"${table}_chg"`, snapshot])
  // the next write reuses the number of the delete the process applied
  await sql.deleteDocuments({ index: resolved.physical_name, filters: { id: ["prod_m_snap_b"] } })
  await untilEqual({ q: "mắm tôm chua" }, (r) => {
    expect(r.memory.hits.map((h) => h.id)).toEqual(["prod_m_snap_a"])
    expect(r.memory).toEqual(r.sql)
  })
}
