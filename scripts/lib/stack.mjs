// What `npm start` and `npm run cluster` both do before any server starts: the database (embedded
// unless DATABASE_URL), plugins built, migrations applied, the seed when the catalogue is empty,
// and the storefront built; then the storefront's publishable key is read from the database.
import fs from "node:fs"
import path from "node:path"
import { ROOT, ensurePostgres, ensureDatabaseExists, withDatabase } from "./postgres.mjs"
import { BIN, buildPluginsIfStale, run } from "./processes.mjs"
import { catalogueIsEmpty, readPublishableKey } from "./store-state.mjs"

export const LOG_DIR = path.join(ROOT, ".data", "logs")

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

  say("applying database migrations …")
  await run(BIN("medusa"), ["db:migrate"], {
    cwd: path.join(ROOT, "backend"),
    env,
    logFile: path.join(LOG_DIR, "migrate.log"),
    label: "database migrations",
  })

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
  if (!fs.existsSync(path.join(storefrontDir, "build", "server", "index.js"))) {
    say("building the storefront …")
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
