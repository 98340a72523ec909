// What `npm start` compares before skipping `medusa db:migrate` (scripts/lib/stack.mjs): the
// database's identity and its migration ledgers. A physical backup restored over the embedded server
// keeps the identity (same cluster, same oid), so the ledgers are what must tell an older schema apart.
import { createRequire } from "node:module"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ensurePostgres, withDatabase } from "../lib/postgres.mjs"
import { databaseIdentity, migrationLedgers } from "../lib/store-state.mjs"

const { Client } = createRequire(import.meta.url)("pg")
const NAME = `ocop_migration_state_${process.pid}`
let server
let url

async function sql(target, text) {
  const client = new Client({ connectionString: target })
  await client.connect()
  try {
    return await client.query(text)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  // `npm test` runs this beside its Postgres (reused); on its own it starts the worktree's one.
  server = process.env.DATABASE_SERVER_URL ?? (await ensurePostgres()).serverUrl
  await sql(withDatabase(server, "postgres"), `DROP DATABASE IF EXISTS "${NAME}"`)
  await sql(withDatabase(server, "postgres"), `CREATE DATABASE "${NAME}"`)
  url = withDatabase(server, NAME)
})

afterAll(async () => {
  if (server) await sql(withDatabase(server, "postgres"), `DROP DATABASE IF EXISTS "${NAME}"`)
})

describe("the migration state npm start compares", () => {
  it("changes with the ledgers while the identity stays, as after restoring an older backup", async () => {
    const identity = await databaseIdentity(url)
    expect(await migrationLedgers(url)).toBe("-,-,-")

    // migrated: Medusa's ledgers hold what it applied
    await sql(url, "CREATE TABLE mikro_orm_migrations (id serial primary key, name text)")
    await sql(url, "INSERT INTO mikro_orm_migrations (name) VALUES ('Migration1'), ('Migration2')")
    await sql(url, "CREATE TABLE link_module_migrations (id serial primary key, table_name text)")
    const migrated = await migrationLedgers(url)
    expect(migrated).toBe("2,0,-")

    // the same data folder put back from before the last migration: same identity, older ledger
    await sql(url, "DELETE FROM mikro_orm_migrations WHERE name = 'Migration2'")
    expect(await databaseIdentity(url)).toBe(identity)
    expect(await migrationLedgers(url)).not.toBe(migrated)
  })
})
