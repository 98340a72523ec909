/**
 * The index side of the ocop-postgres provider: the catalog of its indexes, one set of tables per
 * index (./plan), their layout kept current, document writes (./documents) and the write version
 * that the facet cube follows. OcopPostgresSearchService (./service) adds the search.
 */
import { AbstractSearchProviderService, MedusaError } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import {
  UPSERT_CHUNK,
  deleteByIdsSql,
  deleteWhereSql,
  idsToDelete,
  lexiconInsertSql,
  upsertChunkSql,
} from "./documents"
import { buildTablePlan, changeLogSql, createTableSql, splitDocumentsSql, type TablePlan } from "./plan"
import { compileFilters, fromJson, pgArray, type Executor } from "./sql"
import type { UpsertDocumentsInput } from "../provider-input"

export const OCOP_POSTGRES_PROVIDER = "ocop-postgres"
export type OcopPostgresOptions = {
  typo_min_similarity?: number
  /**
   * Text searches from an in-process index kept current from the change log (./memory-index);
   * on by default: `false` (or env OCOP_SEARCH_MEMORY_INDEX=off) answers every search from SQL.
   */
  memory_index?: boolean
}

/** Log entries older than this are pruned; a process idle longer loads its index again. */
const CHANGE_LOG_KEEP = "1 hour"

export abstract class OcopPostgresIndexStore extends AbstractSearchProviderService {
  protected manager_: Executor
  protected options_: OcopPostgresOptions
  protected plans_ = new Map<string, TablePlan>()
  protected ready_ = false
  /** Tables whose layout (documents split from the match table) was checked by this process. */
  protected layout_ = new Map<string, Promise<void>>()

  protected writes_ = 0

  /** Every write bumps the table's version sequence (visible to every process at once). */
  protected async bumpVersion(plan: TablePlan) {
    await this.manager_.execute(`SELECT nextval('"${plan.table}_ver"')`).catch(() => undefined)
  }

  /**
   * Every write names the rows it changed in the change log ("*": the whole table), after it
   * committed, so a process that reads the log and then the rows sees the write.
   */
  protected async logChanges(plan: TablePlan, ids: string[]) {
    for (let k = 0; k < ids.length; k += 5000) {
      await this.manager_.execute(`INSERT INTO "${plan.table}_chg" ("id") SELECT unnest(?::text[])`, [
        pgArray(ids.slice(k, k + 5000)),
      ])
    }
    if (++this.writes_ % 200 === 0) {
      await this.manager_
        // the newest entry stays: it is what a following process checks the log against
        .execute(
          `DELETE FROM "${plan.table}_chg" WHERE "at" < now() - interval '${CHANGE_LOG_KEEP}'
             AND "seq" < (SELECT max("seq") FROM "${plan.table}_chg")`
        )
        .catch(() => undefined)
    }
    this.changed(plan)
  }

  /** Hook for the search side: this process wrote to the table. */
  protected changed(_plan: TablePlan) {}

  /**
   * Once per table and process: creates what is missing and moves documents out of a match
   * table built before the split (then compacts it), so a database indexed by an older build
   * keeps answering without a reindex.
   */
  protected ensureLayout(plan: TablePlan): Promise<void> {
    let p = this.layout_.get(plan.table)
    if (!p) {
      p = (async () => {
        const [old] = await this.manager_.execute(
          `SELECT 1 AS x FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = ? AND column_name = 'document'`,
          [plan.table]
        )
        const [exists] = await this.manager_.execute(`SELECT to_regclass(?) IS NOT NULL AS x`, [`"${plan.table}_doc"`])
        await this.manager_.execute(changeLogSql(plan))
        if (!old && exists?.x) return
        for (const sql of createTableSql(plan)) await this.manager_.execute(sql)
        if (old) {
          await this.manager_.execute(splitDocumentsSql(plan))
          await this.manager_.execute(`VACUUM FULL ANALYZE "${plan.table}"`).catch(() => undefined)
        }
      })()
      this.layout_.set(plan.table, p)
      p.catch(() => this.layout_.delete(plan.table))
    }
    return p
  }

  constructor(deps: { manager: Executor }, options: OcopPostgresOptions = {}) {
    super()
    if (!deps?.manager?.execute) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        "The ocop-postgres search provider needs the Search Module's database manager"
      )
    }
    this.manager_ = deps.manager
    this.options_ = options
  }

  protected async ensureCatalog() {
    if (this.ready_) return
    await this.manager_.execute(
      `DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm;
         EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'pg_trgm: %', SQLERRM; END $$`
    )
    await this.manager_.execute(
      `CREATE TABLE IF NOT EXISTS "ocop_search_catalog" ("name" text PRIMARY KEY, "table_name" text NOT NULL,
         "definition" jsonb NOT NULL, "hash" text NOT NULL, "updated_at" timestamptz NOT NULL DEFAULT now())`
    )
    this.ready_ = true
  }

  protected async plan(index: string, definition?: SearchTypes.SearchIndexDefinition): Promise<TablePlan> {
    const cached = this.plans_.get(index)
    if (cached) return cached
    if (definition) {
      const plan = buildTablePlan(index, definition)
      this.plans_.set(index, plan)
      return plan
    }
    await this.ensureCatalog()
    const rows = await this.manager_.execute(`SELECT "definition" FROM "ocop_search_catalog" WHERE "name" = ?`, [index])
    if (!rows.length)
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `The ocop-postgres search provider has no index "${index}"`)
    const plan = buildTablePlan(index, fromJson(rows[0].definition))
    this.plans_.set(index, plan)
    return plan
  }

  async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    await this.ensureCatalog()
    const name = index.physical_name
    const plan = buildTablePlan(name, index)
    const existing = await this.manager_.execute(`SELECT "hash" FROM "ocop_search_catalog" WHERE "name" = ?`, [name])
    const rebuilt = existing.length > 0 && existing[0].hash !== plan.hash
    if (rebuilt) await this.dropTables(plan.table)
    this.layout_.delete(plan.table)
    await this.ensureLayout(plan)
    for (const sql of createTableSql(plan)) await this.manager_.execute(sql)
    await this.bumpVersion(plan)
    if (rebuilt) await this.logChanges(plan, ["*"])
    const definition = JSON.stringify({ fields: index.fields, primary_key: index.primary_key })
    await this.manager_.execute(
      `INSERT INTO "ocop_search_catalog" ("name","table_name","definition","hash") VALUES (?,?,?::jsonb,?)
       ON CONFLICT ("name") DO UPDATE SET "table_name" = EXCLUDED."table_name", "definition" = EXCLUDED."definition",
         "hash" = EXCLUDED."hash", "updated_at" = now()`,
      [name, plan.table, definition, plan.hash]
    )
    this.plans_.set(name, plan)
    return { index: name, status: "succeeded" }
  }

  /** The match table, its lexicon and its stored documents (the version sequence stays). */
  protected async dropTables(table: string) {
    for (const t of [table, `${table}_lex`, `${table}_doc`])
      await this.manager_.execute(`DROP TABLE IF EXISTS "${t}" CASCADE`)
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    await this.ensureCatalog()
    const rows = await this.manager_.execute(`SELECT "table_name" FROM "ocop_search_catalog" WHERE "name" = ?`, [index])
    for (const row of rows) {
      await this.dropTables(row.table_name)
      this.layout_.delete(row.table_name)
      await this.manager_.execute(`DROP SEQUENCE IF EXISTS "${row.table_name}_ver"`)
      await this.manager_.execute(`DROP TABLE IF EXISTS "${row.table_name}_chg"`)
    }
    await this.manager_.execute(`DELETE FROM "ocop_search_catalog" WHERE "name" = ?`, [index])
    this.plans_.delete(index)
    return { index, status: "succeeded" }
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    await this.ensureCatalog()
    const rows = await this.manager_.execute(
      `SELECT "name", "table_name", "updated_at" FROM "ocop_search_catalog" ORDER BY "name"`
    )
    const out: SearchTypes.SearchIndexInfo[] = []
    for (const row of rows) {
      const [c] = await this.manager_
        .execute(`SELECT count(*)::int AS n FROM "${row.table_name}"`)
        .catch(() => [{ n: 0 }])
      out.push({
        name: row.name,
        provider: OCOP_POSTGRES_PROVIDER,
        document_count: Number(c?.n ?? 0),
        updated_at: row.updated_at,
      })
    }
    return out
  }

  async upsertDocuments({ index, definition, documents }: UpsertDocumentsInput): Promise<SearchTypes.SearchTask> {
    if (!documents.length) return { index, status: "succeeded" }
    const plan = await this.plan(index, definition)
    await this.ensureLayout(plan)
    const lexicon = new Set<string>()
    for (let offset = 0; offset < documents.length; offset += UPSERT_CHUNK) {
      const { sql, params } = upsertChunkSql(plan, documents.slice(offset, offset + UPSERT_CHUNK), lexicon)
      await this.manager_.execute(sql, params)
    }
    if (lexicon.size) {
      const { sql, params } = lexiconInsertSql(plan, lexicon)
      await this.manager_.execute(sql, params)
    }
    await this.bumpVersion(plan)
    await this.logChanges(
      plan,
      documents.map((d) => String(d.id))
    )
    return { index, status: "succeeded" }
  }

  async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const plan = await this.plan(index)
    const ids = idsToDelete(filters as Record<string, unknown> | undefined, plan)
    let statement = ids && deleteByIdsSql(plan, ids)
    if (!statement) {
      const where = compileFilters(filters as Record<string, unknown>, plan)
      if (!where) throw new MedusaError(MedusaError.Types.INVALID_DATA, "deleteDocuments needs filters")
      statement = deleteWhereSql(plan, where)
    }
    await this.ensureLayout(plan)
    await this.manager_.execute(statement.sql, statement.params)
    await this.bumpVersion(plan)
    await this.logChanges(plan, ids ?? ["*"])
    return { index, status: "succeeded" }
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const plan = await this.plan(index)
    await this.ensureLayout(plan)
    await this.manager_.execute(`TRUNCATE TABLE "${plan.table}", "${plan.table}_doc"`)
    await this.bumpVersion(plan)
    await this.logChanges(plan, ["*"])
    return { index, status: "succeeded" }
  }
}
