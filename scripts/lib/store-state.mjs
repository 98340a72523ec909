// Small read-only questions the scripts ask the database directly.
import { createRequire } from "node:module"
const require = createRequire(import.meta.url)

async function withClient(url, fn) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

export async function catalogueIsEmpty(url) {
  return withClient(url, async (c) => {
    const { rows } = await c.query("select count(*)::int as n from product where deleted_at is null")
    const key = await c.query(
      "select count(*)::int as n from api_key where type = 'publishable' and revoked_at is null"
    )
    return rows[0].n === 0 || key.rows[0].n === 0
  })
}

/**
 * Who this database is: its server's system identifier, the database's oid and name. A restored
 * backup or a database created again gets another identity.
 */
export async function databaseIdentity(url) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      `select (select system_identifier::text from pg_control_system()) as server, d.oid::text as oid, d.datname
         from pg_database d where d.datname = current_database()`
    )
    return `${rows[0].server}/${rows[0].oid}/${rows[0].datname}`
  })
}

/** The tables where Medusa records the migrations it applied (modules, links, data scripts). */
const MIGRATION_LEDGERS = ["mikro_orm_migrations", "link_module_migrations", "script_migrations"]

/**
 * How many entries each of Medusa's migration ledgers holds ("-" for one not made yet). A physical
 * backup restored over the embedded server keeps databaseIdentity (same cluster, same oid) but brings
 * the ledgers of its day: a change here is what tells that database apart from the one migrated.
 */
export async function migrationLedgers(url) {
  return withClient(url, async (c) => {
    const counts = []
    for (const table of MIGRATION_LEDGERS) {
      const { rows } = await c.query("select to_regclass($1) is not null as present", [`public.${table}`])
      if (!rows[0].present) {
        counts.push("-")
        continue
      }
      const { rows: counted } = await c.query(`select count(*)::text as n from "${table}"`)
      counts.push(counted[0].n)
    }
    return counts.join(",")
  })
}

/** The storefront's key: the publishable key bound to the marketplace channel. */
export async function readPublishableKey(url) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      `select k.token from api_key k
         join publishable_api_key_sales_channel l on l.publishable_key_id = k.id and l.deleted_at is null
         join sales_channel sc on sc.id = l.sales_channel_id
        where k.type = 'publishable' and k.revoked_at is null and sc.metadata->>'ocop_role' = 'marketplace'
        order by k.created_at limit 1`
    )
    if (!rows[0])
      throw new Error("No publishable API key is bound to the marketplace sales channel: run `npm run seed`.")
    return rows[0].token
  })
}
