#!/usr/bin/env node
// `npm test`: every suite on this machine, against real parts.
//   1. typecheck: `tsc --noEmit` in every workspace (tests included);
//   2. unit tests (vitest) of every workspace that has a vitest config, and of this runner (scripts/test);
//   3. backend integration tests (vitest + Medusa's test runner, a temporary database per file);
//   4. end-to-end: a fresh seeded database, the real backend and storefront, Playwright + Debian chromium,
//      then smoke runs of the benchmarks against those servers (so they cannot rot);
//   5. cluster: `npm run cluster`'s topology (Redis, 2 servers, a worker, 2 storefronts, nginx) on its
//      own database, tested through the proxy (scripts/cluster-test).
// Prints the time of each stage, which workspaces ran tests and which have none, every reason a
// run was counted as failed, and ends with "N passed, N failed, N skipped".
//
// The count never trusts a report alone: a tool that exits non-zero while its report records no
// failure (vitest's unhandled errors, a crashed process, a Playwright spec that fails to load)
// counts as a failure, with the reason printed.
import fs from "node:fs"
import path from "node:path"
import { execSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { ROOT, ensurePostgres, ensureDatabaseExists, dropDatabase, withDatabase } from "./lib/postgres.mjs"
import { BIN, buildPluginsIfStale, requirePortFree, run, startService, stopAll, waitForHttp } from "./lib/processes.mjs"
import { readPublishableKey } from "./lib/store-state.mjs"
import { BUILT_BACKEND_DIR, backendBuildCommand, backendBuildIsFresh } from "./lib/admin-build.mjs"
import { backendSecrets, ensureSecrets, storefrontSecrets } from "./lib/secrets.mjs"

const REPORTS = path.join(ROOT, ".data", "test-reports")
const LOGS = path.join(ROOT, ".data", "logs")
const E2E_BACKEND_PORT = Number(process.env.E2E_BACKEND_PORT || 9310)
const E2E_STOREFRONT_PORT = Number(process.env.E2E_STOREFRONT_PORT || 3310)
// The production backend serving the built admin for tests/e2e/admin-panel.spec.ts.
const E2E_ADMIN_PORT = Number(process.env.E2E_ADMIN_PORT || E2E_BACKEND_PORT + 50)
const STAGES = ["lint", "typecheck", "unit", "integration", "e2e", "cluster"]
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",")
const say = (m) => process.stdout.write(`[test] ${m}\n`)
// Every database a test run seeds is throwaway: its demo logins get the known passwords the tests
// type (seed/src/demo-logins.ts), never the clone's own .data/demo-logins.json.
process.env.OCOP_DEMO_LOGINS_FILE = path.join(ROOT, "tests", "support", "demo-logins.json")

if (only) {
  const unknown = only.filter((name) => !STAGES.includes(name))
  if (unknown.length) {
    say(`unknown stage ${unknown.join(", ")}: choose from ${STAGES.join(", ")}`)
    console.log("0 passed, 1 failed")
    process.exit(1)
  }
}
const selected = (name) => !only || only.includes(name)

const totals = { passed: 0, failed: 0, skipped: 0 }
const stages = []
/** Why something was counted as failed without being a failed test (printed again before the closing line). */
const problems = []
/** Which workspace ran how many tests in which stage. */
const tested = []

function problem(message) {
  problems.push(message)
  say(`counted as failed: ${message}`)
}

async function stage(name, fn) {
  if (!selected(name)) return
  const started = Date.now()
  say(`── ${name} ──`)
  let counts = { passed: 0, failed: 0, skipped: 0 }
  try {
    counts = await fn()
  } catch (error) {
    problem(`${name}: ${error.message}`)
    counts = { ...counts, failed: (counts.failed || 0) + 1 }
  }
  for (const k of Object.keys(totals)) totals[k] += counts[k] || 0
  stages.push({ name, seconds: (Date.now() - started) / 1000, ...counts })
}

/** The npm workspaces of the root package.json ("plugins/*" expanded), as paths relative to ROOT. */
function workspaces() {
  const patterns = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).workspaces
  const found = []
  for (const pattern of patterns) {
    if (pattern.endsWith("/*")) {
      const parent = pattern.slice(0, -2)
      for (const entry of fs
        .readdirSync(path.join(ROOT, parent), { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.isDirectory() && fs.existsSync(path.join(ROOT, parent, entry.name, "package.json")))
          found.push(`${parent}/${entry.name}`)
      }
    } else if (fs.existsSync(path.join(ROOT, pattern, "package.json"))) found.push(pattern)
  }
  return found
}

const hasVitestConfig = (dir) =>
  ["ts", "mts", "js", "mjs"].some((ext) => fs.existsSync(path.join(ROOT, dir, `vitest.config.${ext}`)))
// The stage that runs each workspace's tests; the rest with a vitest config are unit tests.
const OWN_STAGE = { backend: "integration", tests: "e2e" }

/** Runs a tool; resolves to null when it exited 0, else to the Error saying how it ended. */
async function runTool(command, args, options) {
  try {
    await run(command, args, options)
    return null
  } catch (error) {
    return error
  }
}

function vitestCounts(file, name, exit) {
  if (!fs.existsSync(file)) {
    const how = exit ? exit.message.replace(/\.$/, "") : "vitest exited 0"
    problem(`${name}: ${how} and wrote no report (${path.relative(ROOT, file)}) — it crashed or never started`)
    return { passed: 0, failed: 1, skipped: 0, total: 0 }
  }
  const r = JSON.parse(fs.readFileSync(file, "utf8"))
  // A file that failed outside any test (load error, failing beforeAll) counts as one failure, never as silence.
  const brokenFiles = (r.testResults || []).filter(
    (t) => t.status === "failed" && !(t.assertionResults || []).some((a) => a.status === "failed")
  )
  for (const t of brokenFiles)
    problem(
      `${name}: ${path.relative(ROOT, t.name)} failed outside any test: ${String(t.message || "").split("\n")[0]}`
    )
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + brokenFiles.length,
    skipped: r.numPendingTests + (r.numTodoTests || 0),
    total: r.numTotalTests,
  }
}

async function vitest(workspace, name, env = {}, extra = []) {
  const out = path.join(REPORTS, `${name}.json`)
  fs.rmSync(out, { force: true })
  const exit = await runTool(
    BIN("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...extra],
    {
      cwd: path.join(ROOT, workspace),
      env,
      label: `vitest in ${workspace}`,
    }
  )
  const counts = vitestCounts(out, name, exit)
  if (counts.total === 0 && counts.failed === 0) {
    problem(`${name}: ${workspace} has a vitest config but no tests ran`)
    counts.failed += 1
  } else if (exit && counts.failed === 0) {
    // Vitest's JSON report leaves out unhandled errors and crashed workers; only the exit code tells.
    problem(
      `${name}: ${exit.message.replace(/\.$/, "")} although its report records no failed test — an unhandled error or a crash (see its output above)`
    )
    counts.failed += 1
  }
  tested.push({ workspace, stage: name, tests: counts.total })
  return counts
}

/** `tsc --noEmit` in one workspace: each error is one failure; a clean workspace is one pass. */
async function typecheck(workspace) {
  const dir = path.join(ROOT, workspace)
  const config = ["tsconfig.typecheck.json", "tsconfig.json"].find((f) => fs.existsSync(path.join(dir, f)))
  if (!config) {
    problem(`typecheck: ${workspace} has no tsconfig.json, so nothing in it is type-checked`)
    return { passed: 0, failed: 1, skipped: 0 }
  }
  const logFile = path.join(LOGS, `typecheck-${workspace.replace(/\//g, "-")}.log`)
  fs.rmSync(logFile, { force: true })
  const exit = await runTool(BIN("tsc"), ["--noEmit", "--pretty", "false", "-p", config], {
    cwd: dir,
    logFile,
    label: `tsc in ${workspace}`,
  })
  const output = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : ""
  const errors = output.split("\n").filter((line) => / error TS\d+:/.test(line))
  for (const line of errors.slice(0, 30)) say(`${workspace}/${line}`)
  if (errors.length > 30) say(`… ${errors.length - 30} more in ${path.relative(ROOT, logFile)}`)
  say(`typecheck ${workspace} (${config}): ${errors.length ? `${errors.length} error(s)` : exit ? "failed" : "clean"}`)
  if (exit && errors.length === 0) {
    problem(`typecheck: ${exit.message.replace(/\.$/, "")} without a type error in its output`)
    return { passed: 0, failed: 1, skipped: 0 }
  }
  return errors.length ? { passed: 0, failed: errors.length, skipped: 0 } : { passed: 1, failed: 0, skipped: 0 }
}

function playwrightCounts(file, exit) {
  if (!fs.existsSync(file)) {
    problem(`e2e: Playwright wrote no report (${path.relative(ROOT, file)})${exit ? `; ${exit.message}` : ""}`)
    return { passed: 0, failed: 1, skipped: 0, total: 0 }
  }
  const report = JSON.parse(fs.readFileSync(file, "utf8"))
  const s = report.stats || {}
  // Top-level errors (a spec file that fails to load, a failing global setup) are in no test's stats.
  const errors = report.errors || []
  for (const e of errors) {
    const where = e.location ? ` (${path.relative(ROOT, e.location.file)}:${e.location.line})` : ""
    problem(`e2e: Playwright error outside any test${where}: ${String(e.message || e.value || "").split("\n")[0]}`)
  }
  const counts = {
    passed: (s.expected || 0) + (s.flaky || 0),
    failed: (s.unexpected || 0) + errors.length,
    skipped: s.skipped || 0,
    total: (s.expected || 0) + (s.flaky || 0) + (s.unexpected || 0) + (s.skipped || 0),
  }
  if (exit && counts.failed === 0) {
    problem(`e2e: ${exit.message.replace(/\.$/, "")} although its report records no failure`)
    counts.failed += 1
  }
  return counts
}

function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/lib/chromium/chromium", "/usr/bin/chromium"].filter(Boolean)
  const found = candidates.find((p) => fs.existsSync(p))
  if (found) return found
  say("installing Debian's chromium for the browser tests (apt-get) …")
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null", {
    stdio: "inherit",
  })
  return "/usr/lib/chromium/chromium"
}

let db = null
let e2eDatabase = null

async function cleanUp() {
  await stopAll()
  if (db && e2eDatabase) await dropDatabase(db.serverUrl, e2eDatabase).catch(() => {})
  if (db) await db.stop().catch(() => {})
}

// Interrupted (Ctrl-C, a CI timeout): stop the servers and Postgres this run started.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    say(`${signal}: stopping …`)
    await cleanUp()
    console.log(`${totals.passed} passed, ${totals.failed + 1} failed (interrupted)`)
    process.exit(1)
  })
}

async function main() {
  fs.mkdirSync(REPORTS, { recursive: true })
  fs.mkdirSync(LOGS, { recursive: true })
  const started = Date.now()
  const all = workspaces()
  const unitWorkspaces = all.filter((ws) => !OWN_STAGE[ws] && hasVitestConfig(ws))
  const untested = all.filter((ws) => !OWN_STAGE[ws] && !hasVitestConfig(ws))

  await stage("lint", async () => {
    // Biome (format + lint) and the ratchets on `any` and long lines: scripts/lint.mjs.
    const exit = await runTool(process.execPath, [path.join(ROOT, "scripts", "lint.mjs")], { cwd: ROOT, label: "lint" })
    if (exit) problem(`lint: ${exit.message.replace(/\.$/, "")} (run \`npm run lint\` to see why)`)
    return exit ? { passed: 0, failed: 1, skipped: 0 } : { passed: 1, failed: 0, skipped: 0 }
  })

  await stage("typecheck", async () => {
    const sum = { passed: 0, failed: 0, skipped: 0 }
    // Two at a time: tsc is single-threaded and this machine has few cores.
    const queue = [...all]
    const worker = async () => {
      while (queue.length) {
        const c = await typecheck(queue.shift())
        for (const k of Object.keys(sum)) sum[k] += c[k]
      }
    }
    await Promise.all([worker(), worker()])
    return sum
  })

  if (!["unit", "integration", "e2e", "cluster"].some(selected)) return finish(started, all, untested)

  await buildPluginsIfStale(say)
  db = await ensurePostgres()
  const server = new URL(db.serverUrl)
  const dbEnv = {
    DB_HOST: server.hostname === "127.0.0.1" ? "localhost" : server.hostname,
    DB_PORT: server.port || "5432",
    DB_USERNAME: decodeURIComponent(server.username),
    DB_PASSWORD: decodeURIComponent(server.password),
    // The search plugin's contract suite makes its temporary database on this server.
    DATABASE_SERVER_URL: db.serverUrl,
  }

  await stage("unit", async () => {
    const sum = { passed: 0, failed: 0, skipped: 0 }
    for (const ws of unitWorkspaces) {
      const c = await vitest(ws, `unit-${ws.split("/").pop()}`, dbEnv)
      for (const k of Object.keys(sum)) sum[k] += c[k]
    }
    // The runner's own tests (the embedded Postgres from a private folder, …).
    const c = await vitest("scripts", "unit-runner")
    for (const k of Object.keys(sum)) sum[k] += c[k]
    return sum
  })

  await stage("integration", () => vitest("backend", "integration", dbEnv))

  await stage("e2e", async () => {
    const chromium = ensureChromium()
    await requirePortFree(E2E_BACKEND_PORT, "end-to-end backend")
    await requirePortFree(E2E_STOREFRONT_PORT, "end-to-end storefront")
    e2eDatabase = `ocop_e2e_${process.pid}`
    await ensureDatabaseExists(db.serverUrl, e2eDatabase)
    const DATABASE_URL = withDatabase(db.serverUrl, e2eDatabase)
    // A test bank account and a webhook secret made for this run (the app has no default for either):
    // the seed offers VietQR in the region, the backend verifies, Playwright signs the notification.
    const paymentEnv = {
      OCOP_VIETQR_BANK_BIN: "970436",
      OCOP_VIETQR_ACCOUNT_NUMBER: "0011001234567",
      OCOP_VIETQR_ACCOUNT_NAME: "CHO OCOP THU NGHIEM",
      OCOP_VIETQR_BANK_NAME: "Vietcombank",
      OCOP_PAYOS_CHECKSUM_KEY: randomBytes(32).toString("hex"),
    }
    say("migrating and seeding a fresh database for the end-to-end run …")
    await run(BIN("medusa"), ["db:migrate"], {
      cwd: path.join(ROOT, "backend"),
      env: { DATABASE_URL },
      logFile: path.join(LOGS, "e2e-migrate.log"),
      label: "e2e migrations",
    })
    const backendUrl = `http://localhost:${E2E_BACKEND_PORT}`
    // Migrated just above; image URLs are absolute on the backend that serves them.
    await run(process.execPath, [path.join(ROOT, "seed", "bin", "seed.mjs"), "--skip-migrate"], {
      env: { DATABASE_URL, MEDUSA_BACKEND_URL: backendUrl, ...paymentEnv },
      logFile: path.join(LOGS, "e2e-seed.log"),
      label: "e2e seed",
    })
    // As `npm start` runs it (medusa start, NODE_ENV=development): no file watcher and its second
    // process competing with the browser for the machine's cores.
    const backend = startService(BIN("medusa"), ["start", "-p", String(E2E_BACKEND_PORT)], {
      cwd: path.join(ROOT, "backend"),
      env: {
        DATABASE_URL,
        NODE_ENV: "development",
        ADMIN_DISABLED: "true",
        PORT: String(E2E_BACKEND_PORT),
        STOREFRONT_URL: `http://localhost:${E2E_STOREFRONT_PORT}`,
        ...paymentEnv,
        ...backendSecrets(ensureSecrets()),
      },
      logFile: path.join(LOGS, "e2e-backend.log"),
      name: "backend",
    })
    await waitForHttp(`http://localhost:${E2E_BACKEND_PORT}/health`, { child: backend, name: "end-to-end backend" })
    const publishableKey = await readPublishableKey(DATABASE_URL)
    await run("npm", ["run", "build"], {
      cwd: path.join(ROOT, "storefront"),
      logFile: path.join(LOGS, "e2e-storefront-build.log"),
      label: "storefront build",
    })
    const storefront = startService(process.execPath, ["server.mjs"], {
      cwd: path.join(ROOT, "storefront"),
      env: {
        PORT: String(E2E_STOREFRONT_PORT),
        NODE_ENV: "production",
        MEDUSA_BACKEND_URL: backendUrl,
        MEDUSA_PUBLISHABLE_KEY: publishableKey,
        ...storefrontSecrets(ensureSecrets()),
      },
      logFile: path.join(LOGS, "e2e-storefront.log"),
      name: "storefront",
    })
    const storefrontUrl = `http://localhost:${E2E_STOREFRONT_PORT}`
    await waitForHttp(storefrontUrl, { child: storefront, name: "end-to-end storefront", timeoutMs: 60_000 })

    const report = path.join(REPORTS, "e2e.json")
    fs.rmSync(report, { force: true })
    // E2E_SPECS="shopper-checkout verify" runs only the spec files matching those words (and no bench smoke).
    const specFilter = (process.env.E2E_SPECS ?? "").split(/\s+/).filter(Boolean)

    // The admin spec opens the built Medusa Admin, which only a production backend serves: `medusa
    // build` with the admin when stale (35–100 s on this 2-core machine, once per change of the
    // backend or the plugins' admin code), started from its output on the same database.
    // OCOP_E2E_ADMIN=0 leaves it out (the spec then skips, saying why).
    let adminUrl
    if (
      process.env.OCOP_E2E_ADMIN !== "0" &&
      (!specFilter.length || specFilter.some((w) => "admin-panel".includes(w)))
    ) {
      await requirePortFree(E2E_ADMIN_PORT, "end-to-end admin backend")
      if (!backendBuildIsFresh({ admin: true })) {
        say("building the backend with the admin (medusa build) for the admin spec …")
        const build = backendBuildCommand({ admin: true })
        await run(build.command, build.args, {
          cwd: build.cwd,
          env: build.env,
          logFile: path.join(LOGS, "e2e-admin-build.log"),
          label: "admin build",
        })
      }
      const admin = startService(BIN("medusa"), ["start", "-p", String(E2E_ADMIN_PORT)], {
        cwd: BUILT_BACKEND_DIR,
        env: {
          DATABASE_URL,
          NODE_ENV: "production",
          ADMIN_DISABLED: "false",
          STOREFRONT_URL: storefrontUrl,
          ...paymentEnv,
          ...backendSecrets(ensureSecrets()),
        },
        logFile: path.join(LOGS, "e2e-admin-backend.log"),
        name: "admin backend",
      })
      adminUrl = `http://localhost:${E2E_ADMIN_PORT}`
      await waitForHttp(`${adminUrl}/health`, { child: admin, name: "end-to-end admin backend" })
    }
    const exit = await runTool(BIN("playwright"), ["test", "--config", "playwright.config.ts", ...specFilter], {
      cwd: path.join(ROOT, "tests"),
      // _OUTPUT_FILE (not _OUTPUT_NAME) wins over the config's own outputFile.
      env: {
        STOREFRONT_URL: storefrontUrl,
        MEDUSA_BACKEND_URL: backendUrl,
        MEDUSA_PUBLISHABLE_KEY: publishableKey,
        CHROMIUM_PATH: chromium,
        OCOP_PAYOS_CHECKSUM_KEY: paymentEnv.OCOP_PAYOS_CHECKSUM_KEY,
        PLAYWRIGHT_JSON_OUTPUT_FILE: report,
        ...(adminUrl ? { MEDUSA_ADMIN_URL: adminUrl } : {}),
      },
      label: "Playwright",
    })
    const counts = playwrightCounts(report, exit)
    tested.push({ workspace: "tests", stage: "e2e", tests: counts.total })

    // Benchmarks' smoke mode: each bench runs a handful of requests against these servers.
    const benchRunner = path.join(ROOT, "bench", "run.mjs")
    if (fs.existsSync(benchRunner) && !specFilter.length) {
      // Against the servers just tested (after Playwright: the checkout bench uses up stock).
      const benchExit = await runTool(
        process.execPath,
        [
          benchRunner,
          "--smoke",
          "--backend",
          backendUrl,
          "--storefront",
          storefrontUrl,
          "--key",
          publishableKey,
          "--database-url",
          DATABASE_URL,
        ],
        {
          label: "benchmark smoke run",
          logFile: path.join(LOGS, "bench-smoke.log"),
          // The checkout bench signs the VietQR notification of its transfer orders; the admin
          // bench uses the admin backend started above.
          env: {
            OCOP_PAYOS_CHECKSUM_KEY: paymentEnv.OCOP_PAYOS_CHECKSUM_KEY,
            ...(adminUrl ? { BENCH_ADMIN_URL: adminUrl } : {}),
          },
        }
      )
      if (benchExit) {
        counts.failed += 1
        problem(`e2e: ${benchExit.message}`)
      } else {
        counts.passed += 1
        say("benchmark smoke run: ok")
      }
    }
    return counts
  })

  await stage("cluster", async () => {
    // The production topology (scripts/lib/cluster.mjs: Redis, 2 servers, a worker, 2 storefronts,
    // nginx) on its own database and ports; the end-to-end servers are stopped first.
    await stopAll()
    return vitest("scripts", "cluster", { ...dbEnv, CLUSTER_PORT_BASE: process.env.CLUSTER_PORT_BASE || "700" }, [
      "--config",
      "vitest.cluster.config.mjs",
    ])
  })
  return finish(started, all, untested)
}

async function finish(started, all, untested) {
  await cleanUp()

  console.log("\nstage          seconds  passed  failed  skipped")
  for (const s of stages) {
    console.log(
      `${s.name.padEnd(14)} ${s.seconds.toFixed(1).padStart(7)} ${String(s.passed).padStart(7)} ${String(s.failed).padStart(7)} ${String(s.skipped).padStart(8)}`
    )
  }
  console.log(`total          ${((Date.now() - started) / 1000).toFixed(1).padStart(7)}`)
  if (selected("typecheck")) console.log(`\ntype-checked: ${all.join(", ")}`)
  if (tested.length)
    console.log(`tests ran in: ${tested.map((t) => `${t.workspace} (${t.stage}, ${t.tests} tests)`).join(", ")}`)
  const notRun = all.filter((ws) => !untested.includes(ws) && !tested.some((t) => t.workspace === ws))
  if (notRun.length && only)
    console.log(`tests not run in this selection (--only=${only.join(",")}): ${notRun.join(", ")}`)
  console.log(`workspaces without tests: ${untested.length ? untested.join(", ") : "none"}`)
  if (problems.length) {
    console.log(`\ncounted as failed besides failed tests (${problems.length}):`)
    for (const p of problems) console.log(`  - ${p}`)
  }
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  process.exit(totals.failed > 0 ? 1 : 0)
}

main().catch(async (error) => {
  process.stderr.write(`[test] ${error.message}\n`)
  await cleanUp()
  console.log(`${totals.passed} passed, ${totals.failed + 1} failed`)
  process.exit(1)
})
