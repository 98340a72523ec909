#!/usr/bin/env node
// `npm start`: Postgres (embedded unless DATABASE_URL) → migrations → seed when empty →
// backend on :9000 → storefront on :3000. Ctrl-C stops everything it started.
import fs from "node:fs"
import path from "node:path"
import { ROOT, ensurePostgres, ensureDatabaseExists, withDatabase } from "./lib/postgres.mjs"
import { BIN, buildPluginsIfStale, requirePortFree, run, startService, stopAll, waitForHttp } from "./lib/processes.mjs"
import { readPublishableKey, catalogueIsEmpty } from "./lib/store-state.mjs"
import { backendSecrets, ensureSecrets, storefrontSecrets } from "./lib/secrets.mjs"

const BACKEND_PORT = Number(process.env.BACKEND_PORT || 9000)
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 3000)
const LOG_DIR = path.join(ROOT, ".data", "logs")
const say = (m) => process.stdout.write(`[start] ${m}\n`)

let db
let stopping = false
async function shutdown(code = 0) {
  if (stopping) return
  stopping = true
  say("stopping …")
  await stopAll()
  if (db) await db.stop().catch(() => {})
  process.exit(code)
}
process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

async function main() {
  fs.mkdirSync(LOG_DIR, { recursive: true })
  if (!fs.existsSync(path.join(ROOT, "node_modules", ".bin", "medusa"))) {
    throw new Error(
      "Dependencies are not installed: run `npm install` first (the README's quick-start line does both)."
    )
  }
  await requirePortFree(BACKEND_PORT, "backend")
  await requirePortFree(STOREFRONT_PORT, "storefront")

  db = await ensurePostgres()
  await buildPluginsIfStale(say)
  await ensureDatabaseExists(db.serverUrl, db.database)
  const DATABASE_URL = withDatabase(db.serverUrl, db.database)
  const env = { DATABASE_URL }

  say("applying database migrations …")
  await run(BIN("medusa"), ["db:migrate"], {
    cwd: path.join(ROOT, "backend"),
    env,
    logFile: path.join(LOG_DIR, "migrate.log"),
    label: "database migrations",
  })

  if (await catalogueIsEmpty(DATABASE_URL)) {
    say("the database is empty: seeding reference data and the demo catalogue …")
    // Migrations ran just above; the seed need not run them again.
    await run(process.execPath, [path.join(ROOT, "seed", "bin", "seed.mjs"), "--skip-migrate"], {
      env: { ...env, MEDUSA_BACKEND_URL: process.env.MEDUSA_BACKEND_URL || `http://localhost:${BACKEND_PORT}` },
      label: "seed",
    })
  } else {
    say("reusing the existing data (no seed needed)")
  }

  say(`starting the backend on :${BACKEND_PORT} (log: .data/logs/backend.log) …`)
  const backend = startService(BIN("medusa"), ["develop", "-p", String(BACKEND_PORT)], {
    cwd: path.join(ROOT, "backend"),
    env: { ...env, ...backendSecrets(ensureSecrets()), PORT: String(BACKEND_PORT) },
    logFile: path.join(LOG_DIR, "backend.log"),
    name: "backend",
  })
  await waitForHttp(`http://localhost:${BACKEND_PORT}/health`, { child: backend, name: "backend" })

  const publishableKey = await readPublishableKey(DATABASE_URL)
  const storefrontDir = path.join(ROOT, "storefront")
  if (!fs.existsSync(path.join(storefrontDir, "build", "server", "index.js"))) {
    say("building the storefront …")
    await run("npm", ["run", "build"], { cwd: storefrontDir, quiet: true, label: "storefront build" })
  }
  say(`starting the storefront on :${STOREFRONT_PORT} …`)
  const storefront = startService(process.execPath, ["server.mjs"], {
    cwd: storefrontDir,
    env: {
      PORT: String(STOREFRONT_PORT),
      NODE_ENV: "production",
      ...storefrontSecrets(ensureSecrets()),
      MEDUSA_BACKEND_URL: `http://localhost:${BACKEND_PORT}`,
      MEDUSA_PUBLISHABLE_KEY: publishableKey,
    },
    logFile: path.join(LOG_DIR, "storefront.log"),
    name: "storefront",
  })
  await waitForHttp(`http://localhost:${STOREFRONT_PORT}/`, {
    child: storefront,
    name: "storefront",
    timeoutMs: 60_000,
  })

  console.log(`
  OCOP Marketplace is running.
    Storefront  http://localhost:${STOREFRONT_PORT}
    Backend     http://localhost:${BACKEND_PORT}   (health: /health)
    Admin       http://localhost:${BACKEND_PORT}/app
${demoLoginsText()}
  Data: ${db.external ? "DATABASE_URL" : db.databaseDir}. Press Ctrl-C to stop.
`)
  for (const child of [backend, storefront]) {
    child.on("exit", (code) => {
      if (!stopping) {
        say(
          `the ${child.serviceName} stopped unexpectedly (exit code ${code}); see .data/logs/${child.serviceName}.log`
        )
        shutdown(1)
      }
    })
  }
}

main().catch(async (error) => {
  process.stderr.write(`\n[start] ${error.message}\n`)
  await shutdown(1)
})

/** The demo logins, with the passwords the seed generated for this clone's database. */
function demoLoginsText() {
  const file = process.env.OCOP_DEMO_LOGINS_FILE || path.join(ROOT, ".data", "demo-logins.json")
  let passwords = {}
  try {
    passwords = JSON.parse(fs.readFileSync(file, "utf8"))
  } catch {
    return `  Demo accounts: ${file} is missing; \`npm run seed\` gives the demo logins new passwords and writes it.`
  }
  const row = (who, email, role, where) => `    ${who.padEnd(9)}${email} / ${passwords[role] ?? "?"}   (${where})`
  return [
    "  Demo accounts (passwords generated for this database, kept in .data/demo-logins.json)",
    row("admin", "admin@ocop.vn", "admin", "Medusa Admin"),
    row("shopper", "khach@ocop.vn", "shopper", "storefront"),
    row("producer", "htx@ocop.vn", "producer", "producer portal /producer"),
    row("curator", "xttm.lamdong@ocop.vn", "curator", "trade-centre portal /trade-center, Lâm Đồng"),
  ].join("\n")
}
