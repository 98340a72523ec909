// `npm run backup` / `npm run restore` (docs/decisions/015-backup-and-restore.md).
// - The embedded Postgres (no DATABASE_URL): a hot PHYSICAL backup with PostgreSQL's low-level API
//   (pg_backup_start/pg_backup_stop, a temporary replication slot holding the WAL), archived with
//   tar. The npm package ships no pg_dump, and Debian's pg_dump (15) refuses a newer server; the
//   server's own binaries restore it. It copies the whole server (every database), not one database.
// - A DATABASE_URL server: `pg_dump --format=custom` of its database with a client at least as new
//   as the server (found on this machine, or Debian's postgresql-client-<major> installed as root),
//   restored with pg_restore into a new database.
import { execFileSync, spawn } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import {
  EMBEDDED,
  ROOT,
  embeddedDataDir,
  embeddedServerUrl,
  isRoot,
  passwordFileOf,
  portIsFree,
  postgresOsUser,
  startEmbeddedPostgres,
  withDatabase,
} from "./postgres.mjs"

const require = createRequire(import.meta.url)
export const BACKUP_DIR = path.join(ROOT, ".data", "backups")
const MANIFEST = "ocop-backup.json"

// What pg_basebackup leaves out of a data folder (the contents of these, or these files).
const SKIPPED_CONTENTS = ["pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial"]
const SKIPPED_CONTENTS_TOO = ["pg_snapshots", "pg_subtrans"]
const SKIPPED_FILES = ["postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "pg_internal.init"]

const stamp = () =>
  new Date()
    .toISOString()
    .replace(/[:.]/g, "-")
    .replace(/-\d{3}Z$/, "Z")

async function connect(url) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  await client.connect()
  return client
}

function runTool(command, args, { env = {}, okCodes = [0] } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] })
    let stderr = ""
    child.stderr.on("data", (chunk) => (stderr += chunk))
    child.on("error", reject)
    child.on("close", (code, signal) => {
      if (okCodes.includes(code)) return resolve(stderr)
      const last = stderr.trim().split("\n").pop() || `exit code ${code ?? signal}`
      reject(new Error(`${path.basename(command)} failed: ${last}`))
    })
  })
}

/** The embedded server: a hot physical backup into a .tar.gz; returns its path and what it holds. */
export async function backupEmbedded({ out, say }) {
  const db = await startEmbeddedPostgres()
  const dataDir = db.databaseDir
  const staging = fs.mkdtempSync(path.join(path.dirname(out), ".backup-"))
  const client = await connect(withDatabase(db.serverUrl, "postgres"))
  try {
    const version = (await client.query("show server_version")).rows[0].server_version
    const databases = (
      await client.query("select datname from pg_database where not datistemplate order by datname")
    ).rows.map((r) => r.datname)
    // A temporary slot (gone with this session) keeps every WAL segment from now on, as pg_basebackup does.
    await client.query("select pg_create_physical_replication_slot($1, true, true)", [`ocop_backup_${process.pid}`])
    const start = (
      await client.query("select pg_walfile_name(lsn) as wal from pg_backup_start($1, true) as lsn", [
        `ocop ${stamp()}`,
      ])
    ).rows[0]
    say(`copying the data folder ${dataDir} (server ${version}; databases: ${databases.join(", ")}) …`)
    const copy = path.join(staging, "postgres")
    fs.mkdirSync(copy, { mode: 0o700 })
    const excludes = [
      ...[...SKIPPED_CONTENTS, ...SKIPPED_CONTENTS_TOO].map((dir) => `--exclude=./${dir}/*`),
      ...SKIPPED_FILES.map((file) => `--exclude=${file}`),
    ]
    // Files change while they are read (that is what the WAL replay repairs): GNU tar exits 1 then.
    const tarFile = path.join(staging, "base.tar")
    await runTool(
      "tar",
      [
        "-cf",
        tarFile,
        "--warning=no-file-changed",
        "--warning=no-file-removed",
        "--ignore-failed-read",
        ...excludes,
        "-C",
        dataDir,
        ".",
      ],
      { okCodes: [0, 1] }
    )
    await runTool("tar", ["-xf", tarFile, "-C", copy])
    fs.rmSync(tarFile)
    const stop = (
      await client.query("select labelfile, spcmapfile, pg_walfile_name(lsn) as wal from pg_backup_stop(false)")
    ).rows[0]
    fs.writeFileSync(path.join(copy, "backup_label"), stop.labelfile)
    if (stop.spcmapfile) fs.writeFileSync(path.join(copy, "tablespace_map"), stop.spcmapfile)
    // The WAL written from the start to the end of the copy (same timeline: names sort in order).
    const walDir = path.join(dataDir, "pg_wal")
    fs.mkdirSync(path.join(copy, "pg_wal", "archive_status"), { recursive: true })
    const segments = fs
      .readdirSync(walDir)
      .filter((name) => /^[0-9A-F]{24}$/.test(name) && name >= start.wal && name <= stop.wal)
    if (!segments.includes(start.wal) || !segments.includes(stop.wal))
      throw new Error(`the WAL from ${start.wal} to ${stop.wal} is no longer in ${walDir}`)
    for (const name of segments) fs.copyFileSync(path.join(walDir, name), path.join(copy, "pg_wal", name))

    const passwordFile = passwordFileOf(dataDir)
    if (fs.existsSync(passwordFile)) fs.copyFileSync(passwordFile, path.join(staging, "postgres-password"))
    const manifest = {
      kind: "embedded-physical",
      createdAt: new Date().toISOString(),
      serverVersion: version,
      databases,
      wal: { from: start.wal, to: stop.wal, segments: segments.length },
    }
    fs.writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
    const partial = `${out}.partial`
    await runTool("tar", [
      "-czf",
      partial,
      "-C",
      staging,
      MANIFEST,
      "postgres",
      ...(fs.existsSync(path.join(staging, "postgres-password")) ? ["postgres-password"] : []),
    ])
    fs.renameSync(partial, out)
    return { file: out, manifest }
  } finally {
    await client.query("select pg_backup_stop(false)").catch(() => {}) // when the copy failed midway
    await client.end().catch(() => {})
    fs.rmSync(staging, { recursive: true, force: true })
    await db.stop()
  }
}

/** Reads the manifest of a backup archive without unpacking it. */
export function readManifest(file) {
  const text = execFileSync("tar", ["-xzf", file, "-O", MANIFEST], { encoding: "utf8" })
  return JSON.parse(text)
}

/**
 * Restores an embedded backup into the embedded data folder (OCOP_PG_DATA, else the clone's), then
 * starts the server once so that it replays the WAL, and stops it. An existing data folder is moved
 * aside (`<folder>.before-restore-<time>`), never deleted. Refuses while a server runs on OCOP_PG_PORT.
 */
export async function restoreEmbedded({ file, say }) {
  const manifest = readManifest(file)
  if (manifest.kind !== "embedded-physical") throw new Error(`${file} is not a backup of the embedded server.`)
  const dataDir = embeddedDataDir()
  if (!(await portIsFree(EMBEDDED.port)))
    throw new Error(
      `A server is running on port ${EMBEDDED.port}: stop it (npm start, the cluster) before restoring ` +
        "over its data, or set OCOP_PG_DATA and OCOP_PG_PORT to restore beside it."
    )
  const parent = path.dirname(dataDir)
  fs.mkdirSync(parent, { recursive: true })
  const unpack = fs.mkdtempSync(path.join(parent, ".restore-"))
  try {
    await runTool("tar", ["-xzf", file, "-C", unpack])
    if (fs.existsSync(dataDir)) {
      const aside = `${dataDir}.before-restore-${stamp()}`
      fs.renameSync(dataDir, aside)
      say(`moved the current data folder aside to ${aside}`)
      const password = passwordFileOf(dataDir)
      if (fs.existsSync(password))
        fs.renameSync(password, path.join(aside, "..", `${path.basename(aside)}.postgres-password`))
    }
    fs.renameSync(path.join(unpack, "postgres"), dataDir)
    const password = path.join(unpack, "postgres-password")
    if (fs.existsSync(password)) fs.renameSync(password, passwordFileOf(dataDir))
    if (isRoot()) {
      const owner = postgresOsUser()
      execFileSync("chown", ["-R", `${owner.uid}:${owner.gid}`, dataDir])
    }
    fs.chmodSync(dataDir, 0o700)
  } finally {
    fs.rmSync(unpack, { recursive: true, force: true })
  }
  say(`replaying the WAL of the backup (server ${manifest.serverVersion}) …`)
  const db = await startEmbeddedPostgres()
  try {
    const client = await connect(withDatabase(db.serverUrl, "postgres"))
    try {
      const found = (await client.query("select datname from pg_database where not datistemplate")).rows.map(
        (r) => r.datname
      )
      const missing = manifest.databases.filter((name) => !found.includes(name))
      if (missing.length) throw new Error(`the restored server lacks the databases ${missing.join(", ")}`)
    } finally {
      await client.end()
    }
  } finally {
    await db.stop()
  }
  return { dataDir, manifest, serverUrl: embeddedServerUrl() }
}

// ---- DATABASE_URL: pg_dump / pg_restore -------------------------------------------------------

async function serverMajor(url) {
  const client = await connect(url)
  try {
    return Math.floor(Number((await client.query("show server_version_num")).rows[0].server_version_num) / 10000)
  } finally {
    await client.end()
  }
}

function toolMajor(binary) {
  try {
    const text = execFileSync(binary, ["--version"], { encoding: "utf8" })
    return Number(/(\d+)(?:\.\d+)?/.exec(text.replace(/^[^\d]*/, ""))?.[1])
  } catch {
    return null
  }
}

/** Every `tool` on this machine with its major version: OCOP_PG_BIN, Debian's versioned folders, PATH. */
function candidates(tool) {
  const dirs = [process.env.OCOP_PG_BIN].filter(Boolean)
  if (fs.existsSync("/usr/lib/postgresql"))
    for (const v of fs.readdirSync("/usr/lib/postgresql")) dirs.push(`/usr/lib/postgresql/${v}/bin`)
  for (const dir of (process.env.PATH || "").split(path.delimiter)) if (dir) dirs.push(dir)
  const seen = new Set()
  const found = []
  for (const dir of dirs) {
    const binary = path.join(dir, tool)
    if (!fs.existsSync(binary)) continue
    const real = fs.realpathSync(binary)
    if (seen.has(real)) continue
    seen.add(real)
    const major = toolMajor(binary)
    if (major) found.push({ binary, major })
  }
  return found.sort((a, b) => b.major - a.major)
}

/**
 * A `tool` (pg_dump, pg_restore) at least as new as a server of version `major`: found on this
 * machine, else Debian's postgresql-client-<major> installed when we are root and apt has it.
 */
export function pgTool(tool, major, say, { install = isRoot() && fs.existsSync("/usr/bin/apt-get") } = {}) {
  const fit = () => candidates(tool).find((c) => c.major >= major)
  let found = fit()
  if (found) return found.binary
  const pkg = `postgresql-client-${major}`
  if (install) {
    say(`no ${tool} ${major}+ here: trying Debian's ${pkg} …`)
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
    try {
      execFileSync("apt-get", ["update", "-qq"], { env, stdio: "ignore" })
      execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", pkg], { env, stdio: "ignore" })
    } catch {}
    found = fit()
    if (found) return found.binary
  }
  const have = [...new Set(candidates(tool).map((c) => c.major))]
  throw new Error(
    `${tool} refuses a server newer than itself and this server is PostgreSQL ${major}` +
      `${have.length ? ` (found ${tool} ${have.join(", ")})` : ` (no ${tool} found)`}: install ${pkg} ` +
      "(PostgreSQL's own apt repository has every version; this Debian release may not), or set OCOP_PG_BIN to " +
      "the folder of a matching pg_dump, or use your database provider's backups."
  )
}

/** pg_dump --format=custom of DATABASE_URL's database. */
export async function backupDatabaseUrl({ url, out, say }) {
  const major = await serverMajor(url)
  const pgDump = pgTool("pg_dump", major, say)
  say(`dumping ${new URL(url).pathname.slice(1)} (server ${major}) with ${pgDump} …`)
  const partial = `${out}.partial`
  await runTool(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`, `--dbname=${url}`])
  fs.renameSync(partial, out)
  return { file: out }
}

/** pg_restore of a dump into `database` (created; refused if it exists) on DATABASE_URL's server. */
export async function restoreDatabaseUrl({ url, file, database, say }) {
  const major = await serverMajor(url)
  const pgRestore = pgTool("pg_restore", major, say)
  const admin = await connect(withDatabase(url, "postgres"))
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [database])
    if (exists.rowCount) throw new Error(`The database "${database}" exists already: name a new one with --database.`)
    await admin.query(`create database "${database.replace(/"/g, "")}"`)
  } finally {
    await admin.end()
  }
  const target = withDatabase(url, database)
  say(`restoring ${path.basename(file)} into ${database} with ${pgRestore} …`)
  await runTool(pgRestore, ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${target}`, file])
  return { databaseUrl: target }
}
