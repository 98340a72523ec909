// What `npm start` and `npm run cluster` both do before any server starts: the database (embedded
// unless DATABASE_URL), plugins built, migrations applied, the seed when the catalogue is empty,
// and the storefront built; then the storefront's publishable key is read from the database.
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { ROOT, ensurePostgres, ensureDatabaseExists, withDatabase } from "./postgres.mjs"
import { BIN, buildPluginsIfStale, newestMtime, run } from "./processes.mjs"
import { catalogueIsEmpty, databaseIdentity, migrationLedgers, readPublishableKey } from "./store-state.mjs"

export const LOG_DIR = path.join(ROOT, ".data", "logs")
/** Which database was last migrated by which code: skipping `medusa db:migrate` when nothing changed. */
const MIGRATED_FILE = path.join(ROOT, ".data", "migrated.json")

/**
 * What decides the schema `medusa db:migrate` produces: the installed packages (package-lock.json:
 * Medusa's modules and their migrations), medusa-config.ts, the backend's own src, our plugins'
 * built migrations, links and migration scripts, and which optional modules the environment turns
 * on (names only, never values).
 */
export function migrationFingerprint(env = process.env) {
  const hash = crypto.createHash("sha256")
  const add = (file) => hash.update(`${path.relative(ROOT, file)}\0`).update(fs.readFileSync(file))
  const walk = (dir, keep) => {
    if (!fs.existsSync(dir)) return
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file, keep || /^(migrations|links|migration-scripts)$/.test(entry.name))
      else if (keep) add(file)
    }
  }
  add(path.join(ROOT, "package-lock.json"))
  add(path.join(ROOT, "backend", "medusa-config.ts"))
  walk(path.join(ROOT, "backend", "src"), true)
  for (const plugin of fs.readdirSync(path.join(ROOT, "plugins")).sort())
    walk(path.join(ROOT, "plugins", plugin, ".medusa", "server", "src"), false)
  const switches = Object.keys(env)
    .filter((name) => /^(REDIS_URL|MEILISEARCH_HOST|STRIPE_API_KEY|S3_BUCKET|OCOP_.+|MEDUSA_FF_.+)$/.test(name))
    .sort()
  hash.update(switches.join(","))
  return hash.digest("hex")
}

function readMigrated() {
  try {
    return JSON.parse(fs.readFileSync(MIGRATED_FILE, "utf8"))
  } catch {
    return {}
  }
}

/**
 * `medusa db:migrate` boots all of Medusa (as long as a backend start) even when there is nothing to
 * do. It is skipped when this database (by its server's identity, so a recreated one never counts)
 * was last migrated by code with the same fingerprint and still holds the migration ledgers it had
 * then (a backup restored over it brings older ones); OCOP_MIGRATE=always forces it.
 */
async function migrateUnlessCurrent({ say, DATABASE_URL, env }) {
  const identity = await databaseIdentity(DATABASE_URL).catch(() => undefined)
  const state = async () => `${migrationFingerprint()} ${await migrationLedgers(DATABASE_URL)}`
  const before = identity ? await state().catch(() => undefined) : undefined
  if (before && process.env.OCOP_MIGRATE !== "always" && readMigrated()[identity] === before) {
    say(
      "database migrations: none to apply (nothing changed since this database was migrated; " +
        "OCOP_MIGRATE=always forces them)"
    )
    return
  }
  say("applying database migrations …")
  await run(BIN("medusa"), ["db:migrate"], {
    cwd: path.join(ROOT, "backend"),
    env,
    logFile: path.join(LOG_DIR, "migrate.log"),
    label: "database migrations",
  })
  if (!identity) return
  const migrated = readMigrated()
  // the ledgers as this run left them: the next start compares against those
  migrated[identity] = await state()
  fs.writeFileSync(MIGRATED_FILE, `${JSON.stringify(migrated, null, 2)}\n`)
}

export function requireInstalledDependencies() {
  if (!fs.existsSync(path.join(ROOT, "node_modules", ".bin", "medusa"))) {
    throw new Error(
      "Dependencies are not installed: run `npm install` first (the README's quick-start line does both)."
    )
  }
}

/**
 * @param {{ say: (m: string) => void, backendUrl: string, database?: string }} options
 *   backendUrl: the public address of the backend, the base of the seeded image URLs;
 *   database: another database than the clone's own on the same server (the cluster test's).
 * @returns {Promise<{ db: any, DATABASE_URL: string, publishableKey: string }>}
 */
export async function prepareStack({ say, backendUrl, database }) {
  fs.mkdirSync(LOG_DIR, { recursive: true })
  const db = await ensurePostgres()
  await buildPluginsIfStale(say)
  await ensureDatabaseExists(db.serverUrl, database ?? db.database)
  const DATABASE_URL = withDatabase(db.serverUrl, database ?? db.database)
  const env = { DATABASE_URL }

  await migrateUnlessCurrent({ say, DATABASE_URL, env })

  if (await catalogueIsEmpty(DATABASE_URL)) {
    say("the database is empty: seeding reference data and the demo catalogue …")
    // Migrations ran just above; the seed need not run them again.
    await run(process.execPath, [path.join(ROOT, "seed", "bin", "seed.mjs"), "--skip-migrate"], {
      env: { ...env, MEDUSA_BACKEND_URL: process.env.MEDUSA_BACKEND_URL || backendUrl },
      label: "seed",
    })
  } else {
    say("reusing the existing data (no seed needed)")
  }

  const storefrontDir = path.join(ROOT, "storefront")
  // Built again when missing or older than its sources (after a `git pull`, the old pages would be served).
  const builtPage = path.join(storefrontDir, "build", "server", "index.js")
  const builtAt = fs.existsSync(builtPage) ? fs.statSync(builtPage).mtimeMs : 0
  if (builtAt < newestMtime(storefrontDir)) {
    say(builtAt ? "the storefront changed since its build: building it again …" : "building the storefront …")
    await run("npm", ["run", "build"], { cwd: storefrontDir, quiet: true, label: "storefront build" })
  }
  return { db, DATABASE_URL, publishableKey: await readPublishableKey(DATABASE_URL) }
}

/** The demo logins, with the passwords the seed generated for this clone's database. */
export function demoLoginsText() {
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
