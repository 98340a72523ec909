#!/usr/bin/env node
// Two builds of the search plugin, same process, same machine moment (run by hand, issue 14): a
// reference build (e.g. main's, copied aside) and the current one (plugins/search/.medusa/server),
// both on the in-process index of search-provider.mjs's bench database (build it first with
// `node bench/search-provider.mjs --products N`). Every query is answered by both and the answers
// must be identical (hits, order, scores, totals, facets; took_ms aside); then each query is timed
// on both, interleaved (the order alternates), so load changes hit both alike: wall time and this
// process's CPU time per call.
//   node bench/search-compare.mjs --reference plugins/search/.medusa/before [--products 100000] [--queries 500]
// Server: DATABASE_SERVER_URL, else the embedded Postgres on OCOP_PG_PORT.
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { formatTable, summarize } from "./lib/harness.mjs"
import { searchModuleOver } from "./lib/provider-module.mjs"
import { mixedQuery, QUERY_KINDS, TEXT } from "./lib/shopper-queries.mjs"
import { embeddedServerUrl } from "../scripts/lib/postgres.mjs"

const require = createRequire(import.meta.url)
const knexFactory = require("knex")
const ROOT = new URL("..", import.meta.url).pathname

const argv = process.argv.slice(2)
const opt = (flag, fallback) => {
  const at = argv.indexOf(flag)
  return at < 0 ? fallback : argv[at + 1]
}
const reference = path.resolve(ROOT, opt("--reference", "plugins/search/.medusa/before"))
const N = Number(opt("--products", 100000))
const QUERIES = Number(opt("--queries", 500))

let seed = 4242
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const queryFor = (i) => mixedQuery(i, rnd)
const KINDS = QUERY_KINDS

function load(dir) {
  const root = `${dir}/src/`
  return {
    ...require(`${root}providers/ocop-postgres/service.js`),
    ...require(`${root}lib/fields.js`),
    ...require(`${root}lib/params.js`),
    ...require(`${root}lib/ocop-search.js`),
  }
}

async function main() {
  const server = process.env.DATABASE_SERVER_URL ?? embeddedServerUrl()
  const knex = knexFactory({ client: "pg", connection: `${server}/ocop_search_bench`, pool: { min: 1, max: 8 } })
  const manager = { execute: async (sql, params) => (await knex.raw(sql, params ?? [])).rows }
  const builds = { reference: load(reference), current: load(path.join(ROOT, "plugins/search/.medusa/server")) }
  const engines = {}
  for (const [name, b] of Object.entries(builds)) {
    // (a reference build older than lib/fields.js's resolvedOcopProductIndex gets the same definition by hand)
    const index = b.resolvedOcopProductIndex?.(`ocop_product_bench_${N}`, "bench") ?? {
      name: "ocop_product",
      entity: "product",
      fields: b.ocopProductFields.toFields(),
      primary_key: "id",
      provider: "ocop-postgres",
      settings: b.OCOP_PRODUCT_SETTINGS,
      definition_hash: "bench",
      physical_name: `ocop_product_bench_${N}`,
    }
    const provider = new b.OcopPostgresSearchService({ manager }, { memory_index: true })
    if (!(await provider.warmMemoryIndex([index.physical_name]))) throw new Error(`${name}: the index did not load`)
    const module = searchModuleOver(provider, index)
    engines[name] = {
      search: (raw) => b.searchOcopProducts(module, b.parseSearchParams(raw).value),
      suggest: (q) => b.suggestOcopProducts(module, q),
    }
  }
  const queries = Array.from({ length: QUERIES }, (_, i) => ({ kind: KINDS[i % 3], raw: queryFor(i) }))
  const prefixes = []
  for (const q of TEXT) for (let k = 2; k <= q.length; k++) if (q[k - 1] !== " ") prefixes.push(q.slice(0, k))
  const cases = [
    ...queries.map((q) => ({ kind: q.kind, run: (e) => e.search(q.raw), what: JSON.stringify(q.raw) })),
    ...prefixes.map((p) => ({ kind: "suggest", run: (e) => e.suggest(p), what: `suggest ${p}` })),
  ]
  // identical answers on every case (and the warm-up of both)
  let differ = 0
  for (const c of cases) {
    const [a, b] = [await c.run(engines.reference), await c.run(engines.current)]
    if (JSON.stringify({ ...a, took_ms: 0 }) !== JSON.stringify({ ...b, took_ms: 0 })) {
      differ++
      if (differ <= 5) console.error(`answers differ: ${c.what}`)
    }
  }
  console.log(`${cases.length - differ}/${cases.length} cases gave identical answers on both builds`)
  const samples = { reference: new Map(), current: new Map() }
  const started = performance.now()
  for (const [i, c] of cases.entries()) {
    for (const name of i % 2 ? ["current", "reference"] : ["reference", "current"]) {
      const cpu0 = process.cpuUsage()
      const t = performance.now()
      await c.run(engines[name])
      const ms = performance.now() - t
      const cpu = process.cpuUsage(cpu0)
      for (const kind of [c.kind === "suggest" ? "suggest" : "search (all kinds)", c.kind]) {
        const m = samples[name]
        m.set(kind, [...(m.get(kind) ?? []), { ms }])
        m.set(`${kind} (CPU)`, [...(m.get(`${kind} (CPU)`) ?? []), { ms: (cpu.user + cpu.system) / 1000 }])
      }
    }
  }
  const wall = performance.now() - started
  const results = []
  // wall time, then this process's CPU time per call (less sensitive to the machine's load; the
  // SQL a call waits for is not in it)
  for (const kind of ["search (all kinds)", ...KINDS, "suggest"].flatMap((k) => [k, `${k} (CPU)`])) {
    const ref = summarize(`reference: ${kind}`, samples.reference.get(kind), wall, 0)
    const cur = summarize(`current: ${kind}`, samples.current.get(kind), wall, 0)
    results.push(ref, cur)
  }
  console.log(formatTable(results, {}))
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`
  )
  await knex.destroy()
  if (differ) process.exitCode = 1
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
