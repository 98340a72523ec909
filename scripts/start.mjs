#!/usr/bin/env node
// `npm start`: Postgres (embedded unless DATABASE_URL) → migrations → seed when empty →
// backend on :9000 → storefront on :3000. Ctrl-C stops everything it started.
import path from "node:path"
import { ROOT } from "./lib/postgres.mjs"
import { BIN, requirePortFree, startService, stopAll, stopOnSignals, waitForHttp } from "./lib/processes.mjs"
import { backendSecrets, ensureSecrets, storefrontSecrets } from "./lib/secrets.mjs"
import { LOG_DIR, demoLoginsText, prepareStack, requireInstalledDependencies } from "./lib/stack.mjs"

const BACKEND_PORT = Number(process.env.BACKEND_PORT || 9000)
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 3000)
const say = (m) => process.stdout.write(`[start] ${m}\n`)

let db
const { shutdown, isStopping } = stopOnSignals(say, async () => {
  await stopAll()
  if (db) await db.stop().catch(() => {})
})

async function main() {
  requireInstalledDependencies()
  await requirePortFree(BACKEND_PORT, "backend")
  await requirePortFree(STOREFRONT_PORT, "storefront")
  const stack = await prepareStack({ say, backendUrl: `http://localhost:${BACKEND_PORT}` })
  db = stack.db
  const { DATABASE_URL, publishableKey } = stack
  const env = { DATABASE_URL }

  // `medusa start`, not `medusa develop`: develop adds a second Node process that loads Medusa
  // too, regenerates .medusa/types and restarts the server on every file change under backend/ —
  // development comforts that cost start-up time (bench/RESULTS.md, start-up). NODE_ENV=development
  // keeps the admin served by Medusa's dev middleware, which needs no `medusa build`.
  // For a backend that restarts on change: `npm run dev -w backend`.
  say(`starting the backend on :${BACKEND_PORT} (log: .data/logs/backend.log) …`)
  const backendStarted = Date.now()
  const backend = startService(BIN("medusa"), ["start", "-p", String(BACKEND_PORT)], {
    cwd: path.join(ROOT, "backend"),
    // STOREFRONT_URL: the links in emails (order page, password reset) point at this storefront.
    env: {
      ...env,
      ...backendSecrets(ensureSecrets()),
      NODE_ENV: process.env.NODE_ENV || "development",
      PORT: String(BACKEND_PORT),
      STOREFRONT_URL: process.env.STOREFRONT_URL || `http://localhost:${STOREFRONT_PORT}`,
    },
    logFile: path.join(LOG_DIR, "backend.log"),
    name: "backend",
  })

  // The storefront needs the backend only to answer pages, not to start: both start at once.
  const storefrontDir = path.join(ROOT, "storefront")
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
  await waitForHttp(`http://localhost:${BACKEND_PORT}/health`, { child: backend, name: "backend" })
  say(`the backend answers (${((Date.now() - backendStarted) / 1000).toFixed(1)} s after it was started)`)
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
      if (!isStopping()) {
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
