// Start-up benchmark: second backends started on the database the run already seeded, each timed
// from spawn to /health answering and to its first store request answered (GET /store/products
// under the storefront's key), with the CPU time it used, where that time went (bench/lib/
// boot-trace.cjs) and whether it rebuilt the search index at boot (it must not: the seed builds it
// — issue 14). Two ways to start:
//   source — `medusa start` in backend/, NODE_ENV=development (ts-node): how run.mjs starts it;
//   built  — `medusa start` in backend/.medusa/server (`medusa build`), NODE_ENV=production: how a
//            deployment starts it (not in --smoke: it may need a build first).
// Baseline, same run: Node loading Medusa's framework and core package, i.e. the code-loading cost
// alone, which scales with how busy the cores are as start-up does.
//   run by bench/run.mjs (needs the run's database); starts :9309 (or --port + 9)
import { spawnSync } from "node:child_process"
import os from "node:os"
import path from "node:path"
import { ROOT, request, summarize } from "./lib/harness.mjs"
import { ensureBackendBuild, readBootTrace, startBackend } from "./lib/servers.mjs"

/** The request a storefront's first page makes of Medusa's own store API. */
const FIRST_REQUEST = "/store/products?limit=12&fields=id,title,handle,thumbnail"

function timeFrameworkLoad() {
  const t = Date.now()
  const r = spawnSync(
    process.execPath,
    [
      "-e",
      "require('@medusajs/framework'); require('@medusajs/framework/utils'); require('@medusajs/medusa');" +
        "const u = process.cpuUsage(); console.log(JSON.stringify((u.user + u.system) / 1000))",
    ],
    {
      cwd: path.join(ROOT, "backend"),
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "postgres://x@localhost/x" },
    }
  )
  const cpuMs = Number(r.stdout?.trim().split("\n").pop())
  return { ms: Date.now() - t, cpuMs, ok: r.status === 0, error: r.stderr?.trim().split("\n").pop() }
}

const seconds = (s) => `${s.toFixed(1)} s`
const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined
}

/** One line of "where the time went" from a boot trace: Medusa's steps in start order, ms of wall time. */
export function describeTrace(trace) {
  const at = Object.fromEntries(trace.phases.map(([name, ms, start]) => [name, { ms, start, end: start + ms }]))
  const parts = []
  const first = trace.phases[0]
  if (first) parts.push(`Node + CLI + config + framework code ${first[2]}`)
  for (const [name, ms] of trace.phases) parts.push(`${name.trim()} ${ms}`)
  const routes = at["API routes"]
  const hooks = at["onApplicationStart hooks"]
  if (routes && hooks) parts.push(`defaults workflow (core-flows) ${hooks.start - routes.end}`)
  if (hooks) parts.push(`listen ${trace.listening_ms - hooks.end}`)
  return (
    `${parts.join("; ")} — listening at ${trace.listening_ms} ms, of which loading code (require) ` +
    `${trace.require_ms} ms, TypeScript transpiled at load ${trace.ts_ms} ms`
  )
}

async function startOnce(ctx, { mode, port }) {
  let first
  const backend = await startBackend({
    databaseUrl: ctx.databaseUrl,
    port,
    mode,
    trace: true,
    onHealthy: async (url) => {
      const res = await request(`${url}${FIRST_REQUEST}`, { headers: ctx.headers, timeoutMs: 60000 })
      first = { status: res.status, doneAt: Date.now() }
    },
  })
  try {
    if (first.status !== 200) throw new Error(`the first store request answered ${first.status}`)
    return {
      ready: { ms: backend.readySeconds * 1000 },
      trafficReady: backend.trafficReadySeconds === undefined ? undefined : { ms: backend.trafficReadySeconds * 1000 },
      firstAnswer: { ms: first.doneAt - backend.startedAt },
      cpuMs: backend.readyCpuSeconds === undefined ? undefined : backend.readyCpuSeconds * 1000,
      searchSeedSeconds: backend.searchSeedSeconds,
      trace: readBootTrace(backend.logFile),
    }
  } finally {
    await backend.stop()
  }
}

export async function run(ctx) {
  if (!ctx.databaseUrl) throw new Error("startup: needs the run's database (--database-url or a seeded run)")
  const starts = ctx.smoke ? 1 : 2
  const port = (ctx.port ?? 9300) + 9
  const modes = ctx.smoke ? ["source"] : ["source", "built"]
  const loadAverageAtStart = os.loadavg()

  const loads = []
  let loadErrors = 0
  let firstError
  const loadStart = Date.now()
  for (let i = 0; i < (ctx.smoke ? 1 : starts + 1); i++) {
    const r = timeFrameworkLoad()
    if (r.ok) loads.push(r)
    else {
      loadErrors++
      firstError ??= r.error
    }
  }
  const baseline = summarize(
    "Node loads @medusajs/framework + @medusajs/medusa (baseline)",
    loads,
    Date.now() - loadStart,
    loadErrors,
    { firstError }
  )
  const results = [baseline]
  const notes = []
  const rebuilt = []
  let build
  if (modes.includes("built")) build = ensureBackendBuild()

  for (const mode of modes) {
    const ready = []
    const trafficReady = []
    const answered = []
    const cpu = []
    const traces = []
    let errors = 0
    let modeError
    const wallStart = Date.now()
    for (let i = 0; i < starts; i++) {
      try {
        const r = await startOnce(ctx, { mode, port })
        ready.push(r.ready)
        if (r.trafficReady) trafficReady.push(r.trafficReady)
        answered.push(r.firstAnswer)
        cpu.push(r.cpuMs)
        if (r.trace) traces.push(r.trace)
        if (r.searchSeedSeconds > 0) rebuilt.push(r.searchSeedSeconds)
      } catch (error) {
        errors++
        modeError ??= error.message
      }
    }
    const label = mode === "built" ? "built, production" : "source, development"
    const wallMs = Date.now() - wallStart
    results.push(
      summarize(`${label}: start → /health answers`, ready, wallMs, errors, { firstError: modeError }),
      summarize(`${label}: start → first store request answered`, answered, wallMs, errors, { firstError: modeError })
    )
    if (trafficReady.length)
      results.push(
        summarize(
          `${label}: start → /health/ready (in-process search index loaded, warmed up)`,
          trafficReady,
          wallMs,
          errors,
          {
            firstError: modeError,
          }
        )
      )
    const cpuMs = median(cpu)
    if (cpuMs !== undefined)
      notes.push(
        `${label}: CPU used until /health ${seconds(cpuMs / 1000)} (median of ${cpu.length}; baseline load ` +
          `${seconds((median(loads.map((l) => l.cpuMs)) ?? 0) / 1000)} of CPU) — wall time is this CPU time ` +
          "stretched by whatever else runs on the cores"
      )
    if (traces[0]) notes.push(`${label}, where the first start's wall time went (ms): ${describeTrace(traces[0])}`)
  }

  notes.push(
    `${starts} start(s) per way on port ${port}; first store request GET ${FIRST_REQUEST} ` +
      "under the storefront's key; target ≤ 20 s at 100k (issue 14)",
    rebuilt.length
      ? `the search index was REBUILT at boot on ${rebuilt.length} start(s) (${rebuilt.map(seconds).join(", ")})`
      : "no start rebuilt the search index (the seed built it)",
    `load average ${loadAverageAtStart.map((l) => l.toFixed(2)).join(" ")} at the start of this bench, ` +
      `${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")} at its end (${os.cpus().length} cores)`,
    "baseline = Node loading @medusajs/framework and @medusajs/medusa in a fresh process, same run"
  )
  if (build?.built) notes.push(`backend built first (medusa build, server only) in ${seconds(build.seconds)}`)
  return { title: "backend start-up on the seeded database", results, baseline, notes }
}
