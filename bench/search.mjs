#!/usr/bin/env node
// Search over HTTP: 500 mixed shopper queries (text, text + filters, filters only; Vietnamese with
// and without accents, typos, former province names) against GET /store/ocop/search (with facet
// counts), and the same intents against stock Medusa GET /store/products?q= in the same run.
// Stock Medusa has no province/star/group filters, so its intent is the text alone (a plain
// first page for filter-only queries) — it does less work than ours, and still is the baseline.
//   node bench/search.mjs --backend http://localhost:9100 --key pk_… [--count 500] [--stock-count N]
//        [--clients 1,8,32 | BENCH_SEARCH_CLIENTS=1,8,32] [--smoke]
//   --clients 1,8,32: ours timed once per number of concurrent clients (each the same --count intents;
//   default: --concurrency, else 1); stock Medusa with the first of them
//   --stock-count N: time stock Medusa on the first N intents only (default 30; 0 = all; same intents, all three kinds)
//   — at 100k products one stock request takes seconds, so 500 of them take most of an hour.
//   (or env MEDUSA_BACKEND_URL, MEDUSA_PUBLISHABLE_KEY; --database-url / DATABASE_URL to record
//   the dataset size and Postgres version)
import { parseBenchArgs, printUsage } from "./lib/args.mjs"
import {
  appendResults,
  datasetSize,
  machineInfo,
  postgresVersion,
  publishableKeyFromDatabase,
  ratio,
  report,
  request,
  timedLoop,
} from "./lib/harness.mjs"
import { PROV, TEXT } from "./lib/shopper-queries.mjs"

let seed = 7
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const pick = (a) => a[Math.floor(rnd() * a.length)]

/** One shopper intent: a third text only, a third text + filters, a third filters only. */
export function intent(i) {
  const kind = i % 3
  const q = {}
  if (kind !== 2) q.q = pick(TEXT)
  if (kind !== 0) {
    if (rnd() < 0.6) q.province = pick(PROV)
    if (rnd() < 0.5) q.stars = pick(["5", "4,5", "3"])
    if (rnd() < 0.4) q.group = "thuc-pham"
    if (rnd() < 0.3) Object.assign(q, { min_price: "50000", max_price: "500000" })
    if (rnd() < 0.2) q.sort = pick(["price_asc", "newest", "stars"])
  }
  return q
}

const qs = (o) => new URLSearchParams(o).toString()
const clientsLabel = (n, several) => (several || n > 1 ? `, ${n} client${n > 1 ? "s" : ""}` : "")
const clientsNote = (n) => (n === 1 ? "one client, sequential requests" : `${n} concurrent clients`)

async function main() {
  const args = parseBenchArgs(process.argv.slice(2), ["--stock-count", "--clients"])
  if (args.help) return printUsage(import.meta.url)
  // Stock Medusa costs seconds a query at 100k: a sample of 30 intents keeps a full run short; --stock-count N
  // times the first N (`--stock-count 0`: every intent).
  const stockCount = args.stockCount === 0 ? undefined : (args.stockCount ?? 30)
  const backendGiven = process.argv.some((a) => a === "--backend" || a.startsWith("--backend="))
  const backend = (backendGiven ? args.backend : process.env.MEDUSA_BACKEND_URL || args.backend).replace(/\/$/, "")
  const key =
    args.key ||
    process.env.MEDUSA_PUBLISHABLE_KEY ||
    (await publishableKeyFromDatabase(args.databaseUrl).catch(() => undefined))
  if (!key)
    throw new Error(
      "A publishable key is needed: --key pk_… or MEDUSA_PUBLISHABLE_KEY (or --database-url to look it up)."
    )
  const headers = { "x-publishable-api-key": key }
  const count = args.count ?? (args.smoke ? 5 : 500)
  const intents = Array.from({ length: count }, (_, i) => intent(i))

  // Both endpoints must answer before anything is timed.
  for (const url of [`${backend}/store/ocop/search?q=nuoc%20mam`, `${backend}/store/products?q=mam&limit=1`]) {
    const res = await request(url, { headers })
    if (!res.ok) throw new Error(`${url} answered ${res.status}: ${String(res.body).slice(0, 200)}`)
  }

  // BENCH_SEARCH_CLIENTS=1,8,32 does the same through bench/run.mjs, which forwards only the common options.
  const clients = (args.clients ?? process.env.BENCH_SEARCH_CLIENTS?.split(",") ?? [args.concurrency ?? 1]).map(Number)
  if (!clients.every((c) => Number.isInteger(c) && c > 0)) throw new Error("--clients needs positive whole numbers")
  const bound = { count, concurrency: clients[0], warmup: args.smoke ? 0 : 10 }
  let totalHits = 0
  const oursPerClients = []
  for (const concurrency of clients)
    oursPerClients.push(
      await timedLoop({
        name: `GET /store/ocop/search (hits + facet counts)${clientsLabel(concurrency, clients.length > 1)}`,
        run: async (i) => {
          const res = await request(`${backend}/store/ocop/search?${qs(intents[i % count])}`, { headers })
          if (res.ok && concurrency === clients[0]) totalHits += res.json().total ?? 0
          return res
        },
        ...bound,
        concurrency,
        warmup: bound.warmup * concurrency,
      })
    )
  const ours = oursPerClients[0]
  const stock = await timedLoop({
    name: "GET /store/products?q= (stock Medusa, baseline)",
    run: (i) => {
      const it = intents[i % count]
      return request(
        `${backend}/store/products?${qs({ ...(it.q ? { q: it.q } : {}), limit: "20", fields: "id,title,handle,thumbnail" })}`,
        { headers }
      )
    },
    ...bound,
    ...(stockCount ? { count: Math.min(count, stockCount), warmup: Math.min(bound.warmup, 2) } : {}),
  })
  const results = [stock, ...oursPerClients]
  report(results, { baseline: stock })
  const r = ratio(ours, stock)
  console.log(`mean total per search query: ${Math.round(totalHits / Math.max(1, ours.count ?? count))}`)
  const os = await import("node:os")
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")
  console.log(`load average: ${load}`)
  if (oursPerClients.some((r) => r.errors) || stock.errors) {
    console.error("errors during the run: not recorded")
    process.exitCode = 1
  } else if (args.record && !args.smoke) {
    const machine = await machineInfo({ pgVersion: await postgresVersion(args.databaseUrl) })
    await appendResults({
      title: `Search over HTTP: ${count} mixed queries, /store/ocop/search vs stock /store/products?q=`,
      dataset: { ...(await datasetSize(args.databaseUrl).catch(() => ({}))), queries: count },
      results,
      baseline: stock,
      machine,
      notes: [
        `backend ${backend}; ${clients.map(clientsNote).join(", then ")}; load average at the end ${load}; intents: ⅓ text, ⅓ text + filters (province incl. former names, stars, group, price, sort), ⅓ filters only`,
        ...(stockCount
          ? [
              `stock Medusa timed on the first ${Math.min(count, stockCount)} intents only (--stock-count; seconds per request at this size)`,
            ]
          : []),
        "stock Medusa cannot filter by province/stars/group nor count facets: its intent is the text alone (a plain first page when there is no text)",
        r ? `ours vs stock: p50 ×${r.p50?.toFixed?.(2) ?? r.p50}, p95 ×${r.p95?.toFixed?.(2) ?? r.p95}` : "",
      ].filter(Boolean),
    })
    console.log("appended to bench/RESULTS.md")
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error.message)
    process.exit(1)
  })
}
