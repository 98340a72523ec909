#!/usr/bin/env node
// `npm test`: every suite on this machine, against real parts.
//   1. unit tests (vitest) of plugins, seed and storefront;
//   2. backend integration tests (vitest + Medusa's test runner, a temporary database per file);
//   3. end-to-end: a fresh seeded database, the real backend and storefront, Playwright + Debian chromium;
//   4. smoke runs of the benchmarks against those servers (so they cannot rot).
// Prints the time of each stage and ends with "N passed, N failed".
import fs from "node:fs"
import path from "node:path"
import { execSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { ROOT, ensurePostgres, ensureDatabaseExists, dropDatabase, withDatabase } from "./lib/postgres.mjs"
import { BIN, buildPluginsIfStale, requirePortFree, run, startService, stopAll, waitForHttp } from "./lib/processes.mjs"
import { readPublishableKey } from "./lib/store-state.mjs"

const REPORTS = path.join(ROOT, ".data", "test-reports")
const LOGS = path.join(ROOT, ".data", "logs")
const E2E_BACKEND_PORT = Number(process.env.E2E_BACKEND_PORT || 9310)
const E2E_STOREFRONT_PORT = Number(process.env.E2E_STOREFRONT_PORT || 3310)
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7).split(",")
const say = (m) => process.stdout.write(`[test] ${m}\n`)

const totals = { passed: 0, failed: 0, skipped: 0 }
const stages = []

async function stage(name, fn) {
  if (only && !only.includes(name)) return
  const started = Date.now()
  say(`── ${name} ──`)
  let counts = { passed: 0, failed: 0, skipped: 0 }
  try {
    counts = await fn()
  } catch (error) {
    say(`${name}: ${error.message}`)
    counts = { ...counts, failed: (counts.failed || 0) + 1 }
  }
  for (const k of Object.keys(totals)) totals[k] += counts[k] || 0
  stages.push({ name, seconds: (Date.now() - started) / 1000, ...counts })
}

function vitestCounts(file) {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, skipped: 0 }
  const r = JSON.parse(fs.readFileSync(file, "utf8"))
  // A file that failed outside any test (load error, failing beforeAll) counts as one failure, never as silence.
  const brokenFiles = (r.testResults || []).filter(
    (t) => t.status === "failed" && !(t.assertionResults || []).some((a) => a.status === "failed")
  ).length
  return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles, skipped: r.numPendingTests + (r.numTodoTests || 0) }
}

async function vitest(workspace, name, env = {}, extra = []) {
  const out = path.join(REPORTS, `${name}.json`)
  fs.rmSync(out, { force: true })
  try {
    await run(BIN("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...extra], {
      cwd: path.join(ROOT, workspace),
      env,
      label: `${name} tests`,
    })
  } catch {}
  return vitestCounts(out)
}

function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/lib/chromium/chromium", "/usr/bin/chromium"].filter(Boolean)
  const found = candidates.find((p) => fs.existsSync(p))
  if (found) return found
  say("installing Debian's chromium for the browser tests (apt-get) …")
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null", { stdio: "inherit" })
  return "/usr/lib/chromium/chromium"
}

async function main() {
  fs.mkdirSync(REPORTS, { recursive: true })
  fs.mkdirSync(LOGS, { recursive: true })
  const started = Date.now()
  await buildPluginsIfStale(say)
  const db = await ensurePostgres()
  const server = new URL(db.serverUrl)
  const dbEnv = {
    DB_HOST: server.hostname === "127.0.0.1" ? "localhost" : server.hostname,
    DB_PORT: server.port || "5432",
    DB_USERNAME: decodeURIComponent(server.username),
    DB_PASSWORD: decodeURIComponent(server.password),
  }

  await stage("unit", async () => {
    const sum = { passed: 0, failed: 0, skipped: 0 }
    for (const [ws, name] of [["plugins/ocop", "unit-ocop"], ["plugins/search", "unit-search"], ["seed", "unit-seed"], ["storefront", "unit-storefront"]]) {
      if (!fs.existsSync(path.join(ROOT, ws, "package.json"))) continue
      const c = await vitest(ws, name, dbEnv)
      for (const k of Object.keys(sum)) sum[k] += c[k]
    }
    return sum
  })

  await stage("integration", () => vitest("backend", "integration", dbEnv))

  const e2eDatabase = `ocop_e2e_${process.pid}`
  await stage("e2e", async () => {
    const chromium = ensureChromium()
    await requirePortFree(E2E_BACKEND_PORT, "end-to-end backend")
    await requirePortFree(E2E_STOREFRONT_PORT, "end-to-end storefront")
    await ensureDatabaseExists(db.serverUrl, e2eDatabase)
    const DATABASE_URL = withDatabase(db.serverUrl, e2eDatabase)
    say("migrating and seeding a fresh database for the end-to-end run …")
    await run(BIN("medusa"), ["db:migrate"], { cwd: path.join(ROOT, "backend"), env: { DATABASE_URL }, logFile: path.join(LOGS, "e2e-migrate.log"), label: "e2e migrations" })
    const backendUrl = `http://localhost:${E2E_BACKEND_PORT}`
    // Migrated just above; image URLs are absolute on the backend that serves them.
    await run(process.execPath, [path.join(ROOT, "seed", "bin", "seed.mjs"), "--skip-migrate"], { env: { DATABASE_URL, MEDUSA_BACKEND_URL: backendUrl }, logFile: path.join(LOGS, "e2e-seed.log"), label: "e2e seed" })
    const backend = startService(BIN("medusa"), ["develop", "-p", String(E2E_BACKEND_PORT)], {
      cwd: path.join(ROOT, "backend"),
      env: { DATABASE_URL, ADMIN_DISABLED: "true", PORT: String(E2E_BACKEND_PORT) },
      logFile: path.join(LOGS, "e2e-backend.log"),
      name: "backend",
    })
    await waitForHttp(`http://localhost:${E2E_BACKEND_PORT}/health`, { child: backend, name: "end-to-end backend" })
    const publishableKey = await readPublishableKey(DATABASE_URL)
    await run("npm", ["run", "build"], { cwd: path.join(ROOT, "storefront"), logFile: path.join(LOGS, "e2e-storefront-build.log"), label: "storefront build" })
    const storefront = startService(process.execPath, ["server.mjs"], {
      cwd: path.join(ROOT, "storefront"),
      env: { PORT: String(E2E_STOREFRONT_PORT), NODE_ENV: "production", MEDUSA_BACKEND_URL: backendUrl, MEDUSA_PUBLISHABLE_KEY: publishableKey, SESSION_SECRET: randomBytes(32).toString("hex") },
      logFile: path.join(LOGS, "e2e-storefront.log"),
      name: "storefront",
    })
    const storefrontUrl = `http://localhost:${E2E_STOREFRONT_PORT}`
    await waitForHttp(storefrontUrl, { child: storefront, name: "end-to-end storefront", timeoutMs: 60_000 })

    const report = path.join(REPORTS, "e2e.json")
    fs.rmSync(report, { force: true })
    fs.rmSync(path.join(ROOT, "tests", "test-results", "results.json"), { force: true })
    try {
      await run(BIN("playwright"), ["test", "--config", "playwright.config.ts"], {
        cwd: path.join(ROOT, "tests"),
        env: { STOREFRONT_URL: storefrontUrl, MEDUSA_BACKEND_URL: backendUrl, MEDUSA_PUBLISHABLE_KEY: publishableKey, CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
        label: "Playwright",
      })
    } catch {}
    let counts = { passed: 0, failed: 1, skipped: 0 }
    const resultsFile = [report, path.join(ROOT, "tests", "test-results", "results.json")].find((f) => fs.existsSync(f))
    if (resultsFile) {
      const s = JSON.parse(fs.readFileSync(resultsFile, "utf8")).stats
      counts = { passed: s.expected + (s.flaky || 0), failed: s.unexpected, skipped: s.skipped }
    }

    // Benchmarks' smoke mode: each bench runs a handful of requests against these servers.
    const benchRunner = path.join(ROOT, "bench", "run.mjs")
    if (fs.existsSync(benchRunner)) {
      try {
        // Against the servers just tested (after Playwright: the checkout bench uses up stock).
        await run(
          process.execPath,
          [benchRunner, "--smoke", "--backend", backendUrl, "--storefront", storefrontUrl, "--key", publishableKey, "--database-url", DATABASE_URL],
          { label: "benchmark smoke run", logFile: path.join(LOGS, "bench-smoke.log") }
        )
        counts.passed += 1
        say("benchmark smoke run: ok")
      } catch (error) {
        counts.failed += 1
        say(error.message)
      }
    }
    return counts
  })
  await stopAll()
  if (!only || only.includes("e2e")) await dropDatabase(db.serverUrl, e2eDatabase).catch(() => {})
  await db.stop()

  console.log("\nstage          seconds  passed  failed  skipped")
  for (const s of stages) {
    console.log(`${s.name.padEnd(14)} ${s.seconds.toFixed(1).padStart(7)} ${String(s.passed).padStart(7)} ${String(s.failed).padStart(7)} ${String(s.skipped).padStart(8)}`)
  }
  console.log(`total          ${((Date.now() - started) / 1000).toFixed(1).padStart(7)}`)
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  process.exit(totals.failed > 0 ? 1 : 0)
}

main().catch(async (error) => {
  process.stderr.write(`[test] ${error.message}\n`)
  await stopAll()
  console.log(`${totals.passed} passed, ${totals.failed + 1} failed`)
  process.exit(1)
})
