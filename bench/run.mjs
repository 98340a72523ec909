#!/usr/bin/env node
// npm run bench [-- options]  — runs the benchmarks and appends the figures to bench/RESULTS.md.
//
//   --products N     dataset: database ocop_bench_<N> seeded with N generated products (+ the demo
//                    catalogue); seeded once, re-used afterwards. Without it: ocop_bench_demo.
//                    --size N is the same ("--size 100k").
//   --duration S     seconds per case (default 20)       --count N   max requests per case
//   --only a,b       store-api, admin, admin-browser, search, search-breakdown, search-provider,
//                    storefront, checkout, startup (default: all)
//   --smoke          a handful of requests per bench on a small dataset (part of the test suite);
//                    exits non-zero if any request fails; records nothing
//   --backend URL    use a backend that is already running (with --key or --database-url) instead
//                    of starting one; --storefront URL likewise
//   --no-record      print only
//
// Traffic goes to localhost only (bench/lib/harness.mjs refuses anything else). Every process this
// script starts runs in its own process group and is stopped at the end, also on Ctrl-C.
import fs from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { printUsage, runnerArgs } from "./lib/args.mjs"
import { BENCH_DIR, appendResults, publishableKeyFromDatabase, report, runFacts } from "./lib/harness.mjs"
import {
  discoverStore,
  prepareDatabase,
  startBackend,
  startStorefront,
  stopAll,
  stopAllAndWait,
} from "./lib/servers.mjs"

// storefront first: its server is the most exposed to outside interference during a long run
const ALL = [
  "storefront",
  "store-api",
  "admin",
  "admin-browser",
  "search",
  "search-breakdown",
  "search-provider",
  "checkout",
  "startup",
]

async function main() {
  const opts = runnerArgs(process.argv.slice(2), ALL)
  if (opts.help) {
    printUsage(import.meta.url)
    return 0
  }
  const wanted = (opts.only.length ? opts.only : ALL).filter((name) =>
    fs.existsSync(path.join(BENCH_DIR, `${name}.mjs`))
  )
  const skipped = (opts.only.length ? opts.only : ALL).filter((n) => !wanted.includes(n))
  for (const s of skipped) console.log(`[bench] ${s}: bench/${s}.mjs does not exist yet, skipped`)

  let databaseUrl = opts.databaseUrl
  let backend = opts.backend
  let storefront = opts.storefront
  let seedInfo
  let stopPostgres = async () => {}
  try {
    if (!backend) {
      const db = await prepareDatabase({
        databaseUrl,
        products: opts.products,
        seed: opts.seed,
        name: opts.smoke ? "ocop_bench_smoke" : undefined,
      })
      databaseUrl = db.databaseUrl
      stopPostgres = db.stopPostgres
      seedInfo = db
      backend = (await startBackend({ databaseUrl, port: opts.port })).url
    }
    const key = opts.key || (await publishableKeyFromDatabase(databaseUrl))
    const store = await discoverStore({ backend, key, databaseUrl })
    let storefrontProc
    const ensureStorefront = async () => {
      if (opts.storefront || !wanted.includes("storefront")) return
      if (storefrontProc && storefrontProc.child.exitCode === null && storefrontProc.child.signalCode === null) return
      if (storefrontProc)
        console.log(
          `[bench] the storefront stopped (exit ${storefrontProc.child.exitCode ?? storefrontProc.child.signalCode}); starting it again`
        )
      storefrontProc = await startStorefront({ port: opts.storefrontPort, backendUrl: backend, key })
      storefront = storefrontProc.url
    }
    await ensureStorefront()
    const ctx = { ...opts, backend, storefront, key, databaseUrl, ...store }
    console.log(
      `[bench] ${store.listed.toLocaleString("en-US")} listed products; ${opts.smoke ? "smoke run" : `up to ${opts.duration} s${opts.count ? ` / ${opts.count} requests` : ""} per case`}`
    )

    const { machine, dataset } = await runFacts(databaseUrl, opts.products ? { generated: opts.products } : {})
    if (opts.record && seedInfo?.generatorLine) {
      await appendResults({
        title: `seed — ${opts.products.toLocaleString("en-US")} generated products`,
        dataset,
        machine,
        notes: seedInfo.seedLines.filter((l) => /generator:|done in/.test(l)).map((l) => l.replace("[seed] ", "")),
      })
    }

    let failures = 0
    for (const name of wanted) {
      const mod = await import(pathToFileURL(path.join(BENCH_DIR, `${name}.mjs`)).href)
      if (typeof mod.run !== "function") {
        // A standalone bench script (e.g. bench/search.mjs): run it with the common options.
        const args = [
          path.join(BENCH_DIR, `${name}.mjs`),
          "--backend",
          backend,
          "--key",
          key,
          "--duration",
          String(opts.duration),
        ]
        if (opts.count) args.push("--count", String(opts.count))
        if (opts.smoke) args.push("--smoke")
        if (!opts.record) args.push("--no-record")
        if (databaseUrl) args.push("--database-url", databaseUrl)
        console.log(`[bench] running ${name} (standalone script)…`)
        const { spawnSync } = await import("node:child_process")
        const r = spawnSync(process.execPath, args, { stdio: "inherit", env: process.env })
        if (r.status !== 0) {
          failures++
          console.error(`[bench] ${name} exited with ${r.status ?? r.signal}`)
        }
        continue
      }
      if (name === "storefront") {
        await ensureStorefront()
        ctx.storefront = storefront
      }
      console.log(`[bench] running ${name}…`)
      let out
      try {
        out = await mod.run(ctx)
      } catch (error) {
        failures++
        console.error(`[bench] ${name} failed: ${error.message}`)
        continue
      }
      report(out.results, { baseline: out.baseline, title: out.title })
      const errors = out.results.reduce((sum, r) => sum + (r.errors || 0), 0)
      if (opts.smoke && (errors > 0 || out.results.some((r) => r.n === 0))) {
        failures++
        console.error(`[bench] ${name}: ${errors} failed request(s) in the smoke run`)
      }
      if (opts.record) await appendResults({ ...out, dataset, machine })
    }
    if (opts.record) console.log(`[bench] appended to bench/RESULTS.md`)
    return failures ? 1 : 0
  } finally {
    await stopAllAndWait()
    await stopPostgres()
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    stopAll()
    console.error(`[bench] ${error.message}`)
    process.exit(1)
  }
)
