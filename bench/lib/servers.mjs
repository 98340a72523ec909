// Starts what a benchmark run needs, on its own ports and database, and stops it again:
// a seeded database (ocop_bench_<N>), a Medusa backend (`medusa start` from source with
// NODE_ENV=development — what `medusa develop` runs in its child, minus the file watcher that would
// restart the server mid-run when someone edits the repo) and the storefront production build (storefront/server.mjs). Every child is spawned in its own
// process group and killed by that group id on stop.
import { spawn, spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { ROOT, request, requestJson } from "./harness.mjs"
import { BUILT_BACKEND_DIR, backendBuildCommand, backendBuildIsFresh } from "../../scripts/lib/admin-build.mjs"
import { backendSecrets, ensureSecrets } from "../../scripts/lib/secrets.mjs"

const children = new Set()
const stoppers = new Set()

/** Stops every process this module started and waits for them to exit (SIGKILL after 8 s). */
export async function stopAllAndWait() {
  await Promise.all([...stoppers].map((stop) => stop()))
  stoppers.clear()
}

function log(message) {
  process.stdout.write(`[bench] ${message}\n`)
}

export function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
  }
  children.clear()
}
process.once("exit", stopAll)
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    stopAll()
    process.exit(130)
  })
}

function start(name, cmd, args, { cwd, env, logFile }) {
  const out = fs.openSync(logFile, "w")
  const child = spawn(cmd, args, {
    cwd,
    env: { MEDUSA_DISABLE_TELEMETRY: "true", ...process.env, ...env },
    detached: true,
    stdio: ["ignore", out, out],
  })
  children.add(child)
  child.on("exit", () => children.delete(child))
  const handle = {
    child,
    logFile,
    async stop() {
      if (child.exitCode !== null) return
      try {
        process.kill(-child.pid, "SIGTERM")
      } catch {}
      const deadline = Date.now() + 8000
      while (child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGKILL")
        } catch {}
      }
      children.delete(child)
    },
  }
  stoppers.add(handle.stop)
  return handle
}

async function waitFor(url, { timeoutMs = 120000, what, proc }) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (proc?.child.exitCode !== null && proc?.child.exitCode !== undefined) {
      const tail = fs.readFileSync(proc.logFile, "utf8").split("\n").slice(-15).join("\n")
      throw new Error(`${what} exited before it was ready (log ${proc.logFile}):\n${tail}`)
    }
    const res = await request(url, { timeoutMs: 2000 })
    if (res.status > 0 && res.status < 500) return
    // Short: the start-up bench's figures are spawn → answer, this wait included.
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s.`)
}

/** Database for a run: DATABASE_URL as given, or ocop_bench_<name> on the project's Postgres. */
export async function prepareDatabase({ databaseUrl, products, seed = "bench", name }) {
  const { ensurePostgres, ensureDatabaseExists, withDatabase } = await import(
    path.join(ROOT, "scripts/lib/postgres.mjs")
  )
  let stopPostgres = async () => {}
  if (!databaseUrl) {
    const saved = process.env.DATABASE_URL
    delete process.env.DATABASE_URL
    const pg = await ensurePostgres()
    if (saved) process.env.DATABASE_URL = saved
    stopPostgres = pg.stop
    const db =
      name ||
      `ocop_bench_${products ? (products >= 1000 && products % 1000 === 0 ? `${products / 1000}k` : products) : "demo"}`
    await ensureDatabaseExists(pg.serverUrl, db)
    databaseUrl = withDatabase(pg.serverUrl, db)
  }
  const args = [path.join(ROOT, "seed/bin/seed.mjs"), "--quiet"]
  if (products) args.push("--products", String(products), "--seed", seed)
  log(
    `seeding ${new URL(databaseUrl).pathname.slice(1)}${products ? ` with ${products.toLocaleString("en-US")} generated products` : " (demo catalogue)"} — skips what exists`
  )
  const t = Date.now()
  const seedOnce = () =>
    spawnSync(process.execPath, args, {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    })
  let r = seedOnce()
  if (r.status !== 0 && /Cannot find module .*\.medusa\/server/.test((r.stderr || "") + (r.stdout || ""))) {
    // A plugin is being rebuilt in place (its .medusa/server is briefly missing): wait and retry once.
    log("a plugin build is missing (being rebuilt?) — retrying the seed in 20 s")
    await new Promise((res) => setTimeout(res, 20000))
    r = seedOnce()
  }
  const seedLines = (r.stdout || "").split("\n").filter((l) => l.startsWith("[seed]"))
  if (r.status !== 0) throw new Error(`Seeding failed: ${(r.stderr || "").trim().split("\n").pop() || seedLines.pop()}`)
  const seedSeconds = (Date.now() - t) / 1000
  const generatorLine = seedLines.find((l) => /generator: inserted/.test(l))
  log(
    `seed ready in ${seedSeconds.toFixed(1)} s${generatorLine ? ` (${generatorLine.replace("[seed] generator: ", "")})` : ""}`
  )
  return { databaseUrl, stopPostgres, seedSeconds, generatorLine, seedLines }
}

export { BUILT_ADMIN_INDEX, BUILT_BACKEND_DIR } from "../../scripts/lib/admin-build.mjs"

/**
 * `medusa build` of the backend when its output is missing or older than backend/src or
 * medusa-config.ts — the deploy step a production start needs. Server only (the admin is disabled
 * for it) unless `admin`: then the dashboard with our plugins' extensions is built too (35–100 s
 * more on this machine), and again whenever a plugin's admin bundle is newer than it.
 * Plugins are loaded from their own build (npm run build:plugins), not from this output.
 */
export function ensureBackendBuild({ admin = false } = {}) {
  if (backendBuildIsFresh({ admin })) return { built: false, seconds: 0 }
  log(`building the backend (medusa build, ${admin ? "server and admin" : "server only"}) …`)
  const t = Date.now()
  const build = backendBuildCommand({ admin })
  const r = spawnSync(build.command, build.args, {
    cwd: build.cwd,
    encoding: "utf8",
    env: { ...process.env, ...build.env },
  })
  if (r.status !== 0 || !backendBuildIsFresh({ admin }))
    throw new Error(`medusa build failed: ${(r.stderr || r.stdout).trim().split("\n").slice(-3).join(" ")}`)
  return { built: true, seconds: (Date.now() - t) / 1000 }
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere.
 * Less sensitive than wall time to other processes sharing the cores.
 */
export function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    const ticksPerSecond = 100 // USER_HZ on Linux
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond
  } catch {
    return undefined
  }
}

/** The [boot-trace] line bench/lib/boot-trace.cjs printed into a backend's log, parsed (or undefined). */
export function readBootTrace(logFile) {
  const line = fs
    .readFileSync(logFile, "utf8")
    .split("\n")
    .find((l) => l.startsWith("[boot-trace] "))
  return line ? JSON.parse(line.slice("[boot-trace] ".length)) : undefined
}

/**
 * Starts a backend on `port` against `databaseUrl`; resolves when /health/ready answers 200 (its
 * in-process search index loaded and warmed up; BENCH_WAIT_READY=0: when /health answers).
 * - mode "source" (default): `medusa start` in backend/ with NODE_ENV=development: TypeScript
 *   through ts-node, what `medusa develop` runs minus its file watcher.
 * - mode "built": `medusa start` in backend/.medusa/server (`medusa build` output, built when
 *   stale) with NODE_ENV=production: Medusa's production start.
 * trace: preload bench/lib/boot-trace.cjs (where the start-up time goes; see readBootTrace).
 * onHealthy(url): awaited as soon as /health answers, before anything else (the start-up bench's
 * first store request).
 * admin (built mode only): serve the built Medusa Admin at /app (bench/admin-browser.mjs).
 */
export async function startBackend({
  databaseUrl,
  port = 9300,
  mode = "source",
  trace = false,
  onHealthy,
  admin = false,
}) {
  const logFile = path.join("/tmp", `ocop-bench-backend-${port}.log`)
  const built = mode === "built"
  if (admin && !built) throw new Error("startBackend: the admin is served by a built backend only (mode: built)")
  if (built) ensureBackendBuild({ admin })
  log(`starting the backend${built ? " (built, production)" : ""} on :${port} (log ${logFile})`)
  const t = Date.now()
  const proc = start(
    "backend",
    process.execPath,
    [
      ...(trace ? ["--require", path.join(ROOT, "bench/lib/boot-trace.cjs")] : []),
      path.join(ROOT, "node_modules/@medusajs/cli/cli.js"),
      "start",
      "-p",
      String(port),
    ],
    {
      cwd: built ? BUILT_BACKEND_DIR : path.join(ROOT, "backend"),
      env: {
        DATABASE_URL: databaseUrl,
        ADMIN_DISABLED: admin ? "false" : "true",
        NODE_ENV: built ? "production" : "development",
        STORE_CORS: "http://localhost:3300",
        ...backendSecrets(ensureSecrets()),
      },
      logFile,
    }
  )
  const url = `http://localhost:${port}`
  await waitFor(`${url}/health`, { what: "The backend", proc, timeoutMs: 180000 })
  const readySeconds = (Date.now() - t) / 1000
  const readyCpuSeconds = cpuSeconds(proc.child.pid)
  const healthy = onHealthy ? await onHealthy(url) : undefined
  log(`backend ready in ${readySeconds.toFixed(1)} s`)
  // The search plugin seeds its index at boot; benchmarks must not compete with it for the 2 cores.
  const ts = Date.now()
  const readLog = () => fs.readFileSync(logFile, "utf8")
  await new Promise((r) => setTimeout(r, 1500))
  let searchSeedSeconds = 0
  if (/\[Search\] Seeding/.test(readLog())) {
    log("waiting for the search index to finish seeding")
    while (!/\[Search\] Seeded/.test(readLog()) && Date.now() - ts < 15 * 60000)
      await new Promise((r) => setTimeout(r, 1000))
    searchSeedSeconds = (Date.now() - ts) / 1000
    log(`search index seeded after ${searchSeedSeconds.toFixed(1)} s`)
  }
  // /health is liveness; /health/ready also waits for this process's in-process search index
  // (loaded at boot) and its warm-up, as a load balancer would: benches measure a warm server.
  // BENCH_WAIT_READY=0 sends traffic right after /health (the first-search-after-start case).
  let trafficReadySeconds
  if (process.env.BENCH_WAIT_READY !== "0") {
    const tr = Date.now()
    for (;;) {
      const res = await fetch(`${url}/health/ready`).catch(() => undefined)
      if (res?.status === 200) break
      if (Date.now() - tr > 15 * 60000) throw new Error(`${url}/health/ready did not answer 200 within 15 min`)
      await new Promise((r) => setTimeout(r, 200))
    }
    trafficReadySeconds = (Date.now() - t) / 1000
    log(`backend ready for traffic (/health/ready) after ${trafficReadySeconds.toFixed(1)} s`)
  }
  return { url, readySeconds, readyCpuSeconds, trafficReadySeconds, startedAt: t, healthy, searchSeedSeconds, ...proc }
}

/** Starts the storefront production build (building it first when missing) on `port`. */
export async function startStorefront({ port = 3300, backendUrl, key }) {
  const dir = path.join(ROOT, "storefront")
  if (!fs.existsSync(path.join(dir, "build/server/index.js"))) {
    log("building the storefront (no build/ yet)")
    const b = spawnSync("npm", ["run", "build"], { cwd: dir, encoding: "utf8" })
    if (b.status !== 0)
      throw new Error(`The storefront build failed: ${(b.stderr || b.stdout).trim().split("\n").slice(-3).join(" ")}`)
  }
  const logFile = path.join("/tmp", `ocop-bench-storefront-${port}.log`)
  log(`starting the storefront on :${port} (log ${logFile})`)
  const proc = start("storefront", process.execPath, ["server.mjs"], {
    cwd: dir,
    env: {
      PORT: String(port),
      MEDUSA_BACKEND_URL: backendUrl,
      MEDUSA_PUBLISHABLE_KEY: key,
      NODE_ENV: "production",
      SESSION_SECRET: randomBytes(32).toString("hex"),
    },
    logFile,
  })
  const url = `http://localhost:${port}`
  // Wait for the listener, not for a page: at 100k products the home page itself can take long.
  const deadline = Date.now() + 60000
  while (!/\[storefront\] http/.test(fs.readFileSync(logFile, "utf8"))) {
    if (proc.child.exitCode !== null) throw new Error(`The storefront exited before it was ready (log ${logFile}).`)
    if (Date.now() > deadline)
      throw new Error(`The storefront did not start listening on :${port} within 60 s (log ${logFile}).`)
    await new Promise((r) => setTimeout(r, 300))
  }
  return { url, ...proc }
}

/**
 * What every bench needs to know about the running store: region, a sample of listed product
 * handles/ids/variant ids (from the store API itself, so they pass the same gate), total listed.
 */
export async function discoverStore({ backend, key, sampleSize = 200, databaseUrl }) {
  if (!key)
    throw new Error("No publishable key: pass --key pk_… or --database-url so it can be read from the database.")
  const headers = { "x-publishable-api-key": key }
  const { regions } = await requestJson(`${backend}/store/regions`, { headers })
  const region = regions.find((r) => r.currency_code === "vnd") || regions[0]
  if (!region) throw new Error("The store has no region: run npm run seed first.")
  const first = await requestJson(`${backend}/store/products?limit=1&fields=id`, { headers, timeoutMs: 180000 })
  const total = first.count
  if (!total) throw new Error("The store lists no products for this publishable key: run npm run seed first.")
  const sample = databaseUrl ? await sampleFromDatabase(databaseUrl, sampleSize) : []
  const pages = sample.length ? 0 : Math.min(10, Math.ceil(sampleSize / 20))
  for (let i = 0; i < pages; i++) {
    const offset = Math.floor((i / pages) * Math.max(0, total - 20))
    const { products } = await requestJson(
      `${backend}/store/products?limit=20&offset=${offset}&fields=id,handle,variants.id`,
      { headers, timeoutMs: 180000 }
    )
    for (const p of products) sample.push({ id: p.id, handle: p.handle, variant_id: p.variants?.[0]?.id })
  }
  return { regionId: region.id, listed: total, sample, headers }
}

/** A random sample of listed products (marketplace channel members) straight from the database. */
async function sampleFromDatabase(databaseUrl, size) {
  const { createRequire } = await import("node:module")
  const require = createRequire(path.join(ROOT, "backend", "package.json"))
  const { Client } = require("pg")
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select p.id, p.handle, (select v.id from product_variant v where v.product_id = p.id and v.deleted_at is null limit 1) as variant_id
         from product_sales_channel psc
         join sales_channel sc on sc.id = psc.sales_channel_id and sc.metadata->>'ocop_role' = 'marketplace'
         join product p on p.id = psc.product_id and p.deleted_at is null and p.status = 'published'
        where psc.deleted_at is null
        order by md5(p.id) limit $1`,
      [size]
    )
    return rows
  } finally {
    await client.end()
  }
}
