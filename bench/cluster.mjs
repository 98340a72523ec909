#!/usr/bin/env node
// Cluster benchmark (issue 15): throughput and p95 of search, product page and add-to-cart through
// the nginx proxy of `npm run cluster`, first with ONE backend server (MEDUSA_WORKER_MODE=shared, as
// `npm start` runs it), then with TWO servers + ONE worker, in the same run on the same machine,
// loopback only, each case bounded in time. Also the storefront's server-rendered product page
// through the storefront proxy (two storefront processes in both phases), and the CPU time each
// tier spent per request (read from /proc), the figures docs/capacity.md is built on.
//
//   node bench/cluster.mjs [--products N] [--duration S] [--concurrency C] [--smoke] [--no-record]
//
//   --products N     catalogue: database ocop_bench_<N> (N generated products + the demo), seeded once
//                    (default 20000, about the national catalogue; --smoke: the demo catalogue only)
//   --duration S     seconds per case and phase (default 20)     --concurrency C  clients (default 8)
//   --smoke          3 requests per case, nothing recorded; exits non-zero when a request fails
//
// Ports: CLUSTER_PORT_BASE (default 500: proxies on :9500 and :3500). Appends to bench/RESULTS.md.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { clusterPorts, startCluster } from "../scripts/lib/cluster.mjs"
import { parseArgs, printUsage } from "./lib/args.mjs"
import { embeddedDataDir } from "../scripts/lib/postgres.mjs"
import { cases } from "./lib/cluster-cases.mjs"
import { appendResults, assertLocal, datasetSize, machineInfo, postgresVersion, timedLoop } from "./lib/harness.mjs"
import { discoverStore, prepareDatabase } from "./lib/servers.mjs"

const say = (m) => process.stdout.write(`[bench:cluster] ${m}\n`)
const opts = parseArgs(
  process.argv.slice(2),
  ["--products", "--duration", "--concurrency", "--smoke", "--no-record", "--help", "-h"],
  { duration: 20, concurrency: 8, record: true, smoke: false }
)
if (opts.help) {
  printUsage(import.meta.url)
  process.exit(0)
}
if (opts.smoke) Object.assign(opts, { record: false, count: 3, concurrency: 1 })
const products = opts.smoke ? undefined : (opts.products ?? 20_000)

// ---- CPU time per process group, from /proc (Linux) ------------------------------------------
const TICK_MS = 1000 / 100 // USER_HZ is 100 on Linux
function cpuByGroup() {
  const byGroup = new Map()
  const byParent = new Map()
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let stat
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    } catch {
      continue
    }
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    const ms = (Number(f[11]) + Number(f[12])) * TICK_MS
    const [ppid, pgrp] = [Number(f[1]), Number(f[2])]
    byGroup.set(pgrp, (byGroup.get(pgrp) ?? 0) + ms)
    byParent.set(ppid, (byParent.get(ppid) ?? 0) + ms)
    if (Number(pid) === postmaster) byParent.set(-1, ms)
  }
  return { byGroup, byParent }
}
let postmaster = 0
function tierCpu(cluster) {
  const { byGroup, byParent } = cpuByGroup()
  const groups = cluster.processGroups()
  const sum = (names) => names.reduce((s, n) => s + (byGroup.get(groups[n]) ?? 0), 0)
  const names = Object.keys(groups)
  return {
    backend: sum(names.filter((n) => /^(server|worker)/.test(n))),
    storefront: sum(names.filter((n) => n.startsWith("storefront"))),
    nginx: sum(["nginx"]),
    redis: sum(["redis"]),
    postgres: (byParent.get(postmaster) ?? 0) + (byParent.get(-1) ?? 0),
    client: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  }
}
const TIERS = ["backend", "storefront", "postgres", "nginx", "redis", "client"]

async function measure(cluster, store, phase) {
  const rows = []
  for (const c of cases(store)) {
    const before = tierCpu(cluster)
    const result = await timedLoop({
      name: c.name,
      run: c.run,
      count: opts.count ?? Infinity,
      durationMs: opts.duration * 1000,
      concurrency: opts.concurrency,
      warmup: opts.smoke ? 0 : 3,
    })
    const after = tierCpu(cluster)
    const cpuMsPerOp = Object.fromEntries(
      TIERS.map((t) => [t, result.n ? (after[t] - before[t]) / (result.n + result.errors) : NaN])
    )
    rows.push({ ...result, phase, cpuMsPerOp })
    say(
      `${phase} · ${c.name}: ${result.n} ok, ${result.errors} failed, p50 ${result.p50?.toFixed(0)} ms, ` +
        `p95 ${result.p95?.toFixed(0)} ms, ${result.rps?.toFixed(1)} op/s; CPU ms/op ` +
        TIERS.map((t) => `${t} ${cpuMsPerOp[t].toFixed(1)}`).join(", ")
    )
    if (result.errors) say(`  first error: ${result.firstError}`)
  }
  return rows
}

const f = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : "–")

function table(one, two) {
  const lines = [
    "| case | 1 server: op/s | p50 ms | p95 ms | 2 servers + worker: op/s | p50 ms | p95 ms " +
      "| op/s ratio | p95 ratio | errors (1 / 2) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ]
  for (const [i, a] of one.entries()) {
    const b = two[i]
    lines.push(
      `| ${a.name} | ${f(a.rps, 1)} | ${f(a.p50)} | ${f(a.p95)} | ${f(b.rps, 1)} | ${f(b.p50)} | ${f(b.p95)} | ` +
        `${f(b.rps / a.rps, 2)}× | ${f(b.p95 / a.p95, 2)}× | ${a.errors} / ${b.errors} |`
    )
  }
  lines.push("", `| case, phase | ${TIERS.map((t) => `${t} CPU ms/op`).join(" | ")} |`)
  lines.push(`| --- | ${TIERS.map(() => "---").join(" | ")} |`)
  for (const r of [...one, ...two])
    lines.push(`| ${r.name}, ${r.phase} | ${TIERS.map((t) => f(r.cpuMsPerOp[t], 1)).join(" | ")} |`)
  return lines.join("\n")
}

async function main() {
  const ports = clusterPorts(Number(process.env.CLUSTER_PORT_BASE || 500))
  const api = `http://localhost:${ports.backendProxy}`
  const web = `http://localhost:${ports.storefrontProxy}`
  assertLocal(api)
  const db = await prepareDatabase({ products, name: opts.smoke ? "ocop_bench_smoke" : undefined })
  const database = new URL(db.databaseUrl).pathname.slice(1)
  let cluster
  const stop = async () => {
    await cluster?.stop({ keepDatabaseServer: true })
    await db.stopPostgres()
  }
  process.once("SIGINT", () => stop().then(() => process.exit(130)))
  try {
    cluster = await startCluster({ say, ports, database })
    const pidFile = path.join(embeddedDataDir(), "postmaster.pid")
    if (!process.env.DATABASE_URL && fs.existsSync(pidFile))
      postmaster = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
    const store = await discoverStore({ backend: api, key: cluster.publishableKey, databaseUrl: db.databaseUrl })
    const context = { ...store, api, web }
    say(
      `${store.listed.toLocaleString("en-US")} listed products; ${opts.concurrency} clients, ` +
        `${opts.smoke ? "3 requests" : `${opts.duration} s`} per case`
    )

    say("phase 1: one backend server (shared mode: it also runs subscribers and jobs), no worker …")
    await cluster.stopBackend("server-2")
    await cluster.stopBackend("worker")
    await cluster.stopBackend("server-1")
    await cluster.startBackend("server-1", "shared")
    const one = await measure(cluster, context, "1 server")

    say("phase 2: two backend servers + one worker …")
    await cluster.stopBackend("server-1")
    await Promise.all([
      cluster.startBackend("server-1", "server"),
      cluster.startBackend("server-2", "server"),
      cluster.startBackend("worker", "worker"),
    ])
    const two = await measure(cluster, context, "2 servers + worker")

    const text = table(one, two)
    console.log(`\n${text}\n`)
    const failed = [...one, ...two].filter((r) => r.errors || r.n === 0)
    if (opts.record) {
      const machine = await machineInfo({ pgVersion: await postgresVersion(db.databaseUrl) })
      const entry = await appendResults({
        title: "cluster: 1 server vs 2 servers + 1 worker through nginx (bench/cluster.mjs)",
        dataset: { ...(await datasetSize(db.databaseUrl)), ...(products ? { generated: products } : {}) },
        machine,
        notes: [
          `${opts.concurrency} concurrent clients, ${opts.duration} s per case and phase, same run; ` +
            "op/s ratio = 2-server ÷ 1-server",
          "product page = 2 API calls (handle → id, product); " +
            "add to cart = a new cart (not timed) + its first line item",
          "CPU ms/op: CPU time of each tier's processes (/proc) during the case ÷ operations; " +
            "client = this script",
          `${os.cpus().length} cores, shared with other sessions' tests while measured ` +
            "(load average in the machine line)",
        ],
      })
      fs.appendFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), "RESULTS.md"), `\n${text}\n`)
      say(`appended to bench/RESULTS.md (${entry.split("\n").length} lines + tables)`)
    }
    if (failed.length) {
      say(`${failed.length} case(s) had failed requests: ${failed.map((r) => `${r.name} (${r.phase})`).join(", ")}`)
      return opts.smoke ? 1 : 0
    }
    return 0
  } finally {
    await stop()
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench:cluster] ${error.message}`)
    process.exit(1)
  }
)
