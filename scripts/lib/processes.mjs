// Child processes the start and test scripts run: each in its own process group so that
// stopping it stops everything it spawned (medusa develop, remix-serve, …).
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { ROOT, portIsFree } from "./postgres.mjs"

export const BIN = (name) => path.join(ROOT, "node_modules", ".bin", name)

const children = new Set()

export function run(command, args, { cwd = ROOT, env = {}, label, quiet = false, logFile } = {}) {
  return new Promise((resolve, reject) => {
    const out = logFile ? fs.openSync(logFile, "a") : quiet ? "ignore" : "inherit"
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", out, out] })
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      if (code === 0) return resolve()
      const how = signal ? `killed by ${signal}` : `exit code ${code}`
      reject(
        Object.assign(
          new Error(`${label ?? [command, ...args].join(" ")} failed (${how})${logFile ? `; see ${logFile}` : ""}.`),
          { code, signal }
        )
      )
    })
  })
}

export function startService(command, args, { cwd = ROOT, env = {}, logFile, name }) {
  const out = logFile ? fs.openSync(logFile, "a") : "inherit"
  const child = spawn(command, args, {
    cwd,
    // Medusa's usage telemetry is off unless asked for: a marketplace's servers do not report to a
    // third party by default, and here its reporter only waits on an unreachable host.
    env: { MEDUSA_DISABLE_TELEMETRY: "true", ...process.env, ...env },
    stdio: ["ignore", out, out],
    detached: true,
  })
  child.serviceName = name
  children.add(child)
  child.on("exit", () => children.delete(child))
  return child
}

export async function stopAll() {
  const waits = []
  for (const child of children) {
    waits.push(new Promise((resolve) => child.once("exit", resolve)))
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
  }
  await Promise.race([Promise.all(waits), new Promise((r) => setTimeout(r, 8000))])
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGKILL")
    } catch {}
  }
}

export async function requirePortFree(port, what) {
  if (!(await portIsFree(port))) {
    throw new Error(
      `Port ${port} is already in use, so the ${what} cannot start: stop the program using it (see \`ss -ltnp | grep :${port}\`) or choose another port with the environment variable shown in the README.`
    )
  }
}

export async function waitForHttp(url, { timeoutMs = 180_000, child, name } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`The ${name ?? "service"} stopped while starting (exit code ${child.exitCode}).`)
    try {
      const res = await fetch(url)
      if (res.status < 500) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${name ?? url} did not answer within ${Math.round(timeoutMs / 1000)} s.`)
}

/** Newest modification time under a folder (for "is the build older than the source?"). */
export function newestMtime(dir) {
  let newest = 0
  if (!fs.existsSync(dir)) return 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".medusa") || entry.name === "build") continue
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

export async function buildPluginsIfStale(log = console.log) {
  for (const plugin of ["ocop", "search"]) {
    const dir = path.join(ROOT, "plugins", plugin)
    const marker = path.join(dir, ".medusa", "built-at")
    const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0
    if (built && built >= newestMtime(path.join(dir, "src"))) continue
    log(`building plugin ${plugin} …`)
    await run(BIN("medusa"), ["plugin:build"], { cwd: dir, quiet: true, label: `building plugins/${plugin}` })
    fs.writeFileSync(marker, new Date().toISOString())
  }
}

/**
 * Stops what a long-running command started, once: on Ctrl-C or SIGTERM (exit code 0), or when the
 * command gives up (`shutdown(1)`). `isStopping()` tells a child's exit handler that the stop was asked for.
 */
export function stopOnSignals(say, stop) {
  let stopping = false
  const shutdown = async (code = 0) => {
    if (stopping) return
    stopping = true
    say("stopping …")
    await stop()
    process.exit(code)
  }
  process.on("SIGINT", () => shutdown(0))
  process.on("SIGTERM", () => shutdown(0))
  return { shutdown, isStopping: () => stopping }
}
