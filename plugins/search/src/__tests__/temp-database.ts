/**
 * A temporary database on the test Postgres server, for the suites that run the ocop-postgres
 * provider for real. The server: DATABASE_SERVER_URL; else DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD
 * (what `npm test` passes); else the embedded server on OCOP_PG_PORT (default 54329).
 */
import type { SearchTypes } from "@medusajs/framework/types"
import knexFactory, { type Knex } from "knex"
import { resolvedOcopProductIndex } from "../lib/fields"
import type { Executor } from "../providers/ocop-postgres/sql"

export function testServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_SERVER_URL) return env.DATABASE_SERVER_URL.replace(/\/$/, "")
  const user = encodeURIComponent(env.DB_USERNAME ?? "postgres")
  const password = encodeURIComponent(env.DB_PASSWORD ?? "postgres")
  const host = env.DB_HOST ?? "127.0.0.1"
  const port = env.DB_PORT ?? env.OCOP_PG_PORT ?? "54329"
  return `postgres://${user}:${password}@${host}:${port}`
}

export type TempDatabase = { knex: Knex; manager: Executor; drop: () => Promise<void> }

/** Creates (after dropping a leftover of the same name) a database named `<prefix>_<pid>`. */
export async function createTempDatabase(prefix: string): Promise<TempDatabase> {
  const server = testServerUrl()
  const name = `${prefix}_${process.pid}`
  const admin = knexFactory({ client: "pg", connection: `${server}/postgres` })
  await admin.raw(`DROP DATABASE IF EXISTS "${name}"`)
  await admin.raw(`CREATE DATABASE "${name}"`)
  const knex = knexFactory({ client: "pg", connection: `${server}/${name}`, pool: { min: 0, max: 4 } })
  return {
    knex,
    manager: { execute: async (sql, params) => (await knex.raw(sql, (params ?? []) as Knex.RawBinding[])).rows },
    drop: async () => {
      await knex.destroy()
      await admin.raw(`DROP DATABASE IF EXISTS "${name}"`)
      await admin.destroy()
    },
  }
}

/** The `ocop_product` index as the Search Module hands it to a provider. */
export function ocopProductIndex(physicalName: string): SearchTypes.ResolvedSearchIndexDefinition {
  return resolvedOcopProductIndex(physicalName, "test")
}

/** The Search Module's query normalisation, reduced to what the OCOP search service sends. */
export function providerQuery(
  index: SearchTypes.ResolvedSearchIndexDefinition,
  query: SearchTypes.SearchQuery
): SearchTypes.ProviderSearchQuery {
  const { q, ...filters } = (query.filters ?? {}) as Record<string, unknown>
  return {
    index,
    attributes_to_retrieve: query.fields ?? [],
    q: q as string | undefined,
    filters: Object.keys(filters).length ? (filters as SearchTypes.ProviderSearchQuery["filters"]) : undefined,
    pagination: query.pagination,
    search_options: query.search_options,
  }
}
