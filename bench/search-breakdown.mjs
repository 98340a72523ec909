#!/usr/bin/env node
// Where a /store/ocop/search request's time goes (run by hand, issue 14): search.mjs's shopper
// intents against one or more running backends, interleaved request by request so every backend
// sees the same machine load, and for each the client's time split into the search itself
// (took_ms, measured around the Search Module call in lib/ocop-search.ts) and the rest (Medusa's
// middlewares, our parameter validation, JSON serialisation, the HTTP round trip). Baseline: a
// request through the same middlewares that fails validation (400, no search). Prints the slowest 5 %
// of the searches with their queries (run it twice: the same queries = deterministic work).
//   node bench/search-breakdown.mjs --backend http://localhost:9456[,http://localhost:9556] --key pk_…
//        [--count 500] [--kind text|text-filters|filters]
import { parseBenchArgs, printUsage } from "./lib/args.mjs"
import { publishableKeyFromDatabase, report, request, summarize } from "./lib/harness.mjs"
import { intent } from "./search.mjs"

const qs = (o) => new URLSearchParams(o).toString()
const KINDS = { text: 0, "text-filters": 1, filters: 2 }

async function main() {
  // --kind and a list of backends are read here; the rest by the shared parser
  const argv = process.argv.slice(2)
  const take = (flag) => {
    const at = argv.indexOf(flag)
    return at < 0 ? undefined : argv.splice(at, 2)[1]
  }
  const kindName = take("--kind")
  const backends = (take("--backend") ?? "http://localhost:9000").split(",").map((b) => b.replace(/\/$/, ""))
  const args = parseBenchArgs([...argv, "--backend", backends[0]])
  if (args.help) return printUsage(import.meta.url)
  const key = args.key || (await publishableKeyFromDatabase(args.databaseUrl))
  const headers = { "x-publishable-api-key": key }
  const count = args.count ?? 500
  const kind = kindName === undefined ? undefined : KINDS[kindName]
  const intents = Array.from({ length: count * 3 }, (_, i) => intent(i))
    .filter((_, i) => kind === undefined || i % 3 === kind)
    .slice(0, count)
  const samples = backends.map(() => ({ total: [], took: [], rest: [], refused: [], bytes: 0 }))
  // warm-up: typo lookups, document caches, JIT — the same intents for every backend
  for (const it of intents.slice(0, 30))
    for (const b of backends) await request(`${b}/store/ocop/search?${qs(it)}`, { headers })
  const started = Date.now()
  for (let i = 0; i < intents.length; i++) {
    for (const [k, b] of backends.entries()) {
      const s = samples[k]
      const res = await request(`${b}/store/ocop/search?${qs(intents[i])}`, { headers })
      if (!res.ok) throw new Error(`${b} answered ${res.status}: ${res.body.slice(0, 200)}`)
      const took = res.json().took_ms
      s.total.push({ ms: res.ms, took, query: qs(intents[i]) })
      s.took.push({ ms: took })
      s.rest.push({ ms: res.ms - took })
      s.bytes += res.bytes
      if (i % 5 === 0) {
        const bad = await request(`${b}/store/ocop/search?limit=0`, { headers })
        if (bad.status !== 400) throw new Error(`${b}: limit=0 answered ${bad.status}`)
        s.refused.push({ ms: bad.ms })
      }
    }
  }
  const wall = Date.now() - started
  const results = backends.flatMap((b, k) => [
    summarize(`${b}: whole request`, samples[k].total, wall, 0),
    summarize(`${b}:   search (took_ms)`, samples[k].took, wall, 0),
    summarize(`${b}:   the rest (HTTP, middlewares, JSON)`, samples[k].rest, wall, 0),
    summarize(`${b}: refused request (400, same middlewares, no search)`, samples[k].refused, wall, 0),
  ])
  report(results, { baseline: results[0] })
  for (const [k, b] of backends.entries())
    console.log(`${b}: mean response ${Math.round(samples[k].bytes / intents.length)} bytes`)
  // the tail itself: which searches are the slowest 5 % (the same ones every run = work, not noise)
  for (const [k, b] of backends.entries()) {
    const slowest = [...samples[k].total].sort((x, y) => y.ms - x.ms).slice(0, Math.ceil(intents.length / 20))
    console.log(`${b}: slowest 5 % (whole ms / search ms / query)`)
    for (const t of slowest) console.log(`  ${t.ms.toFixed(1)} / ${t.took} / ${t.query || "(no parameters)"}`)
  }
  const os = await import("node:os")
  console.log(
    `load average: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error.message)
    process.exit(1)
  })
}
