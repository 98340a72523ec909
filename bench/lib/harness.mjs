// Shared benchmark harness for bench/*.mjs.
//
//   import { request, timedLoop, report, appendResults } from "./lib/harness.mjs"
//   (command-line options: ./args.mjs; running one bench on its own: ./standalone.mjs)
//
// - request(url, opts): one HTTP call to localhost (refuses any other host); resolves with
//   { status, ok, ttfbMs, ms, bytes, body, json() } and never throws on HTTP errors.
// - timedLoop({ name, run, count, durationMs, concurrency, warmup }): calls `run(i)` until `count`
//   calls or `durationMs` have passed (whichever comes first); `run` returns a request() result
//   (or any object with { ok, ms, ttfbMs }). Returns figures: p50/p95/p99/mean/min/max (ms),
//   throughput (req/s), errors.
// - ratio(result, baseline): how many times faster `result` is than `baseline` (p50, p95, rps).
// - report(results, { baseline }): prints an aligned table (and ratios when a baseline is given).
// - appendResults({ title, dataset, results, notes }): appends a dated entry with machine
//   facts (nproc, RAM, Node, Medusa and Postgres versions) to bench/RESULTS.md.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import http from "node:http"
import { fileURLToPath } from "node:url"
import { createRequire } from "node:module"

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
export const ROOT = path.resolve(BENCH_DIR, "..")
export const RESULTS_FILE = path.join(BENCH_DIR, "RESULTS.md")

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"])
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

/** Throws unless the URL points at this machine: benchmarks never send traffic elsewhere. */
export function assertLocal(url) {
  const u = new URL(url)
  if (u.protocol !== "http:")
    throw new Error(`Benchmarks only call plain http on localhost, not ${u.protocol}//${u.host}.`)
  if (!LOCAL_HOSTS.has(u.hostname)) throw new Error(`Benchmarks only call localhost; refusing ${u.host}.`)
  return u
}

/**
 * One HTTP request. opts: { method, headers, body (object → JSON), timeoutMs }.
 * Resolves with { status, ok, ttfbMs, ms, bytes, body, headers, json() }; status 0 on network error.
 */
export function request(url, opts = {}) {
  const u = assertLocal(url)
  const method = opts.method || (opts.body !== undefined ? "POST" : "GET")
  const headers = { accept: "application/json, text/html;q=0.9", ...(opts.headers || {}) }
  let payload
  if (opts.body !== undefined) {
    payload = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body)
    headers["content-type"] = headers["content-type"] || "application/json"
    headers["content-length"] = Buffer.byteLength(payload)
  }
  const started = process.hrtime.bigint()
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6
  return new Promise((resolve) => {
    const req = http.request(
      { hostname: u.hostname, port: u.port || 80, path: u.pathname + u.search, method, headers, agent },
      (res) => {
        const ttfbMs = elapsed()
        const chunks = []
        res.on("data", (c) => chunks.push(c))
        res.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8")
          const status = res.statusCode || 0
          resolve({
            status,
            ok: status >= 200 && status < 400,
            ttfbMs,
            ms: elapsed(),
            bytes: Buffer.byteLength(body),
            body,
            headers: res.headers,
            json() {
              return JSON.parse(body)
            },
          })
        })
        res.on("error", (error) => resolve(failed(error)))
      }
    )
    const failed = (error) => ({
      status: 0,
      ok: false,
      ttfbMs: elapsed(),
      ms: elapsed(),
      bytes: 0,
      body: String(error?.message || error),
      headers: {},
      json: () => ({}),
    })
    req.setTimeout(opts.timeoutMs ?? 30000, () =>
      req.destroy(new Error(`timed out after ${opts.timeoutMs ?? 30000} ms`))
    )
    req.on("error", (error) => resolve(failed(error)))
    if (payload) req.write(payload)
    req.end()
  })
}

/** Like request() but throws a readable Error unless the status is 2xx/3xx; returns parsed JSON. */
export async function requestJson(url, opts = {}) {
  const res = await request(url, opts)
  if (!res.ok)
    throw new Error(
      `${opts.method || (opts.body ? "POST" : "GET")} ${url} answered ${res.status || "no response"}: ${res.body.slice(0, 300)}`
    )
  return res.json()
}

export function percentile(sortedMs, p) {
  if (sortedMs.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sortedMs.length) - 1
  return sortedMs[Math.min(sortedMs.length - 1, Math.max(0, rank))]
}

export function summarize(name, samples, wallMs, errors, extra = {}) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b)
  const ttfb = samples.map((s) => s.ttfbMs ?? s.ms).sort((a, b) => a - b)
  const sum = ms.reduce((a, b) => a + b, 0)
  return {
    name,
    n: samples.length,
    errors,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    mean: ms.length ? sum / ms.length : NaN,
    min: ms[0] ?? NaN,
    max: ms[ms.length - 1] ?? NaN,
    ttfb_p50: percentile(ttfb, 50),
    ttfb_p95: percentile(ttfb, 95),
    rps: wallMs > 0 ? (samples.length / wallMs) * 1000 : NaN,
    wallMs,
    ...extra,
  }
}

/**
 * Runs `run(i)` repeatedly, bounded by `count` calls and `durationMs` (both optional, at least one
 * required), with `concurrency` workers (default 1) after `warmup` untimed calls (default 0).
 * A call counts as an error when its result has ok === false or it throws; errors are not timed.
 * `firstError` keeps the first failure's text so a broken bench says why.
 */
export async function timedLoop({ name, run, count = Infinity, durationMs = Infinity, concurrency = 1, warmup = 0 }) {
  if (!Number.isFinite(count) && !Number.isFinite(durationMs))
    throw new Error("timedLoop needs a count or a durationMs bound")
  let firstError
  const note = (e) => {
    if (!firstError) firstError = e
  }
  for (let i = 0; i < warmup; i++) {
    try {
      await run(-1 - i)
    } catch {}
  }
  const samples = []
  let errors = 0
  let next = 0
  const started = Date.now()
  const deadline = started + durationMs
  let unreachable = 0
  let aborted = false
  async function worker() {
    // A server that is down answers in microseconds: stop after 20 connection failures in a row.
    while (next < count && Date.now() < deadline && !aborted) {
      const i = next++
      try {
        const res = await run(i)
        if (res && res.ok === false) {
          errors++
          note(`${res.status || "no response"} ${String(res.body || "").slice(0, 200)}`)
          if (!res.status && ++unreachable >= 20) aborted = true
        } else {
          unreachable = 0
          samples.push({ ms: res?.ms ?? 0, ttfbMs: res?.ttfbMs ?? res?.ms ?? 0 })
        }
      } catch (error) {
        errors++
        note(String(error?.message || error))
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))
  if (aborted) firstError = `server unreachable, case stopped after 20 connection failures in a row (${firstError})`
  return summarize(name, samples, Date.now() - started, errors, { concurrency, firstError, aborted })
}

/** How many times better `result` is than `baseline` (>1 means faster / more throughput). */
export function ratio(result, baseline) {
  if (!baseline) return undefined
  const div = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN)
  return {
    p50: div(baseline.p50, result.p50),
    p95: div(baseline.p95, result.p95),
    rps: div(result.rps, baseline.rps),
  }
}

const f1 = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : "–")
const fx = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "–")

/** Markdown table rows for results; `baseline` is a result or a map name → result. */
export function formatTable(results, { baseline } = {}) {
  const baseFor = (r) => (baseline && baseline.name !== undefined ? baseline : baseline?.[r.name])
  const withRatio = results.some((r) => baseFor(r) && baseFor(r) !== r)
  const head = ["case", "n", "err", "p50 ms", "p95 ms", "p99 ms", "mean ms", "req/s"]
  if (withRatio) head.push("p50 vs base", "p95 vs base", "req/s vs base")
  const rows = [head, head.map(() => "---")]
  for (const r of results) {
    const row = [r.name, String(r.n), String(r.errors), f1(r.p50), f1(r.p95), f1(r.p99), f1(r.mean), f1(r.rps)]
    if (withRatio) {
      const b = baseFor(r)
      const q = b && b !== r ? ratio(r, b) : undefined
      row.push(q ? fx(q.p50) : "", q ? fx(q.p95) : "", q ? fx(q.rps) : "")
    }
    rows.push(row)
  }
  return rows.map((r) => `| ${r.join(" | ")} |`).join("\n")
}

/** Prints a table to stdout; ratios are "times better than the baseline" (>1 = faster). */
export function report(results, opts = {}) {
  if (opts.title) process.stdout.write(`\n## ${opts.title}\n`)
  process.stdout.write(formatTable(results, opts) + "\n")
  for (const r of results)
    if (r.errors && r.firstError) process.stdout.write(`  ${r.name}: ${r.errors} error(s), first: ${r.firstError}\n`)
}

function versionOf(pkg) {
  try {
    const require = createRequire(path.join(ROOT, "package.json"))
    return require(`${pkg}/package.json`).version
  } catch {
    return undefined
  }
}

/** Facts recorded with every entry: nproc, RAM, CPU model, Node, Medusa, Postgres (if given a client). */
export async function machineInfo({ pgVersion } = {}) {
  return {
    nproc: os.cpus().length,
    cpu: os.cpus()[0]?.model?.replace(/\s+/g, " ").trim(),
    ramGB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    medusa: versionOf("@medusajs/medusa"),
    remix: versionOf("@remix-run/react"),
    postgres: pgVersion,
    platform: `${os.platform()} ${os.release()}`,
    // Other work on the machine skews figures: the 1-minute load average when the entry was written.
    load: os.loadavg()[0].toFixed(1),
  }
}

/** Postgres server version for the record, or undefined (psql/pg not reachable). */
export async function postgresVersion(databaseUrl) {
  if (!databaseUrl) return undefined
  try {
    const require = createRequire(path.join(ROOT, "backend", "package.json"))
    const { Client } = require("pg")
    const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 })
    await client.connect()
    const { rows } = await client.query("show server_version")
    await client.end()
    return rows[0].server_version
  } catch {
    return undefined
  }
}

/**
 * What every recorded entry states about its run, read once per run (run.mjs) or per bench run on
 * its own (standalone.mjs): { machine, dataset } with the dataset's size from the database plus `extra`.
 */
export async function runFacts(databaseUrl, extra = {}) {
  const machine = await machineInfo({ pgVersion: await postgresVersion(databaseUrl) })
  return { machine, dataset: { ...(await datasetSize(databaseUrl)), ...extra } }
}

/**
 * Appends a dated entry to bench/RESULTS.md:
 * { title, dataset: { products, ... }, results: [summary...], baseline, notes: [text], machine }.
 */
export async function appendResults({
  title,
  dataset = {},
  results = [],
  baseline,
  notes = [],
  machine,
  file = RESULTS_FILE,
}) {
  machine = machine || (await machineInfo())
  const when = new Date().toISOString().replace("T", " ").slice(0, 16) + " UTC"
  const facts = [
    `machine: ${machine.nproc} cores (${machine.cpu || "?"}), ${machine.ramGB} GB RAM, ${machine.platform}; load average ${os.loadavg()[0].toFixed(1)} at the end of the run`,
    `versions: Node ${machine.node}, Medusa ${machine.medusa || "?"}${machine.postgres ? `, Postgres ${machine.postgres}` : ""}${machine.remix ? `, Remix ${machine.remix}` : ""}`,
    `dataset: ${
      Object.entries(dataset)
        .map(([k, v]) => `${k} ${typeof v === "number" ? v.toLocaleString("en-US") : v}`)
        .join(", ") || "–"
    }`,
  ]
  let text = `\n### ${when} — ${title}\n\n${facts.map((f) => `- ${f}`).join("\n")}\n`
  if (results.length) text += `\n${formatTable(results, { baseline })}\n`
  if (notes.length) text += `\n${notes.map((n) => `- ${n}`).join("\n")}\n`
  if (!fs.existsSync(file))
    fs.writeFileSync(
      file,
      '# Benchmark results\n\nAppended by `npm run bench` (bench/lib/harness.mjs). Ratios are "times better than the baseline" measured in the same run (>1 = faster).\n'
    )
  fs.appendFileSync(file, text)
  return text
}

/** Finds the storefront publishable key ("OCOP Marketplace storefront") in the database when not given. */
export async function publishableKeyFromDatabase(databaseUrl, title = "OCOP Marketplace storefront") {
  if (!databaseUrl) return undefined
  const require = createRequire(path.join(ROOT, "backend", "package.json"))
  const { Client } = require("pg")
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    const { rows } = await client.query(
      "select token from api_key where type = 'publishable' and title = $1 and revoked_at is null and deleted_at is null order by created_at limit 1",
      [title]
    )
    return rows[0]?.token
  } finally {
    await client.end()
  }
}

/** Number of listed products (in the marketplace channel) — the dataset size recorded with results. */
export async function datasetSize(databaseUrl) {
  if (!databaseUrl) return {}
  const require = createRequire(path.join(ROOT, "backend", "package.json"))
  const { Client } = require("pg")
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    const { rows } = await client.query(`select
      (select count(*) from product where deleted_at is null)::int as products,
      (select count(*) from product_sales_channel psc join sales_channel sc on sc.id = psc.sales_channel_id
        where psc.deleted_at is null and sc.metadata->>'ocop_role' = 'marketplace')::int as listed`)
    return rows[0]
  } catch {
    return {}
  } finally {
    await client.end()
  }
}
