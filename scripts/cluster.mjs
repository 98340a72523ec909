#!/usr/bin/env node
// `npm run cluster`: the production topology on one machine, loopback only — Redis, two backend
// servers and one worker (Medusa's MEDUSA_WORKER_MODE), two storefront processes, and nginx in front
// of each tier. Ctrl-C stops everything it started. See README "Running in production".
//
//   shoppers → nginx :3000 → storefront :3001, :3002 ─┐
//   API      → nginx :9000 → backend server :9001, :9002 ──→ Postgres, Redis :6390
//                            backend worker :9009 (subscribers, scheduled jobs; not behind the proxy)
import path from "node:path"
import { startCluster } from "./lib/cluster.mjs"
import { stopOnSignals } from "./lib/processes.mjs"

const say = (m) => process.stdout.write(`[cluster] ${m}\n`)

let cluster
const { shutdown } = stopOnSignals(say, async () => {
  await cluster?.stop()
})

try {
  cluster = await startCluster({ say, onUnexpectedExit: () => shutdown(1) })
  const { ports } = cluster
  console.log(`
  OCOP Marketplace cluster is running (logs: ${path.relative(process.cwd(), cluster.logDir) || "."}).
    Storefront  http://localhost:${ports.storefrontProxy}   → storefront processes :${ports.storefronts.join(", :")}
    Backend     http://localhost:${ports.backendProxy}   → servers :${ports.servers.join(", :")}
    Worker      http://localhost:${ports.worker}   (subscribers and scheduled jobs; health only)
    Redis       redis://127.0.0.1:${ports.redis}
    Readiness   http://localhost:${ports.backendProxy}/health/ready
  Press Ctrl-C to stop.
`)
} catch (error) {
  process.stderr.write(`\n[cluster] ${error.message}\n`)
  await shutdown(1)
}
