// Start-up benchmark: a second backend (`medusa start`, as run.mjs starts it) on the database the
// run already seeded, timed from spawn to /health answering, and whether it rebuilt the search
// index at boot (it must not: the seed builds it — issue 14). Baseline, same run: Node loading
// Medusa's framework and core package, i.e. the code-loading cost alone, which scales with
// how busy the cores are as start-up does.
//   run by bench/run.mjs (needs the run's database); starts :9309 (or --port + 9)
import { spawnSync } from "node:child_process"
import path from "node:path"
import { ROOT, summarize } from "./lib/harness.mjs"
import { startBackend } from "./lib/servers.mjs"

function timeFrameworkLoad() {
  const t = Date.now()
  const r = spawnSync(
    process.execPath,
    ["-e", "require('@medusajs/framework'); require('@medusajs/framework/utils'); require('@medusajs/medusa')"],
    {
      cwd: path.join(ROOT, "backend"),
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "postgres://x@localhost/x" },
    }
  )
  return { ms: Date.now() - t, ok: r.status === 0, error: r.stderr?.trim().split("\n").pop() }
}

const seconds = (s) => `${s.toFixed(1)} s`

export async function run(ctx) {
  if (!ctx.databaseUrl) throw new Error("startup: needs the run's database (--database-url or a seeded run)")
  const starts = ctx.smoke ? 1 : 2
  const port = (ctx.port ?? 9300) + 9

  const loads = []
  let loadErrors = 0
  let firstError
  const loadStart = Date.now()
  for (let i = 0; i < starts + 1; i++) {
    const r = timeFrameworkLoad()
    if (r.ok) loads.push({ ms: r.ms })
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
    {
      firstError,
    }
  )

  const ready = []
  const seeded = []
  let errors = 0
  const wallStart = Date.now()
  for (let i = 0; i < starts; i++) {
    let backend
    try {
      backend = await startBackend({ databaseUrl: ctx.databaseUrl, port })
      ready.push({ ms: backend.readySeconds * 1000 })
      seeded.push(backend.searchSeedSeconds)
    } catch (error) {
      errors++
      firstError ??= error.message
    } finally {
      await backend?.stop()
    }
  }
  const startup = summarize("backend start → /health answers (medusa start)", ready, Date.now() - wallStart, errors, {
    firstError,
  })
  const rebuilt = seeded.filter((s) => s > 0)
  return {
    title: "backend start-up on the seeded database",
    results: [baseline, startup],
    baseline,
    notes: [
      `${starts} start(s) on port ${port}, NODE_ENV=development as run.mjs starts it; target ≤ 20 s at 100k (issue 14)`,
      rebuilt.length
        ? `the search index was REBUILT at boot on ${rebuilt.length} start(s) (${rebuilt.map(seconds).join(", ")})`
        : "no start rebuilt the search index (the seed built it)",
      "baseline = Node loading @medusajs/framework and @medusajs/medusa in a fresh process, same run",
    ],
  }
}
