/**
 * "ocop-postgres": a Search Module provider built for Vietnamese product search.
 *
 * Why not the stock @medusajs/search-postgres (measured, see plugins/search/README.md):
 * its facets scan the whole match set once per facet (and once more per disjunctive facet),
 * filters go through one jsonb column, typo tolerance runs word_similarity over every row
 * (≈10 s/query at 100k), and exact-accent matches are not ranked first.
 *
 * Here: text is folded in JS (đ→d, every tone placement) into a 'simple' tsvector with a GIN
 * index; typos are corrected against a small lexicon table (pg_trgm) before matching, so the
 * match itself stays an index lookup; an accent-key column ranks exact-accent matches first;
 * filters hit typed columns; hits, total and every facet (disjunctive if asked) come from one
 * statement over one materialised match set — or, for searches without text, total and facets
 * from the in-memory facet cube and the statement only fetches the page.
 *
 * This file keeps the index lifecycle and the order of a search; each step has its module:
 * plan.ts (table layout), documents.ts (writes), text-match.ts and typos.ts (free text),
 * sql.ts (filters), statement.ts (the match set and the page), facet-cube.ts, facet-sql.ts and
 * facets.ts (facet counts), hits.ts (hit assembly).
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
import { FacetCubes, countCube, cubeShape } from "./facet-cube"
import { foldOnePass, type FacetCell, type KeyedFilter } from "./facet-sql"
import { facetRequests, facetResults, isValueFacet, type FacetRequest, type FacetRow } from "./facets"
import { assembleHits, type HitRow } from "./hits"
import { buildTablePlan, createTableSql, splitDocumentsSql, type TablePlan } from "./plan"
import { compileFilters, fromJson, type Executor } from "./sql"
import { compileOrder, searchStatement, splitFilters } from "./statement"
import { compileTextMatch, parseTextQuery, type TextQuery } from "./text-match"
import { TypoCorrector } from "./typos"

export type { Executor } from "./sql"
export type OcopPostgresOptions = { typo_min_similarity?: number }
/**
 * How a search counts its facets: from the facet cube (no free text; falls back to one-pass when
 * the cube cannot answer), one GROUP BY pass over the match set, or one subquery per facet.
 */
export type FacetStrategy = "cube" | "one-pass" | "per-facet"

export const OCOP_POSTGRES_PROVIDER = "ocop-postgres"

export class OcopPostgresSearchService extends AbstractSearchProviderService {
  static identifier = OCOP_POSTGRES_PROVIDER
  protected manager_: Executor
  protected options_: OcopPostgresOptions
  protected plans_ = new Map<string, TablePlan>()
  protected ready_ = false
  /** Tables whose layout (documents split from the match table) was checked by this process. */
  protected layout_ = new Map<string, Promise<void>>()
  /** Facet cubes of whole indexes (filter-only searches). */
  protected cubes_: FacetCubes
  protected typos_: TypoCorrector

  /** Every write bumps the table's version sequence (visible to every process at once). */
  protected async bumpVersion(plan: TablePlan) {
    await this.manager_.execute(`SELECT nextval('"${plan.table}_ver"')`).catch(() => undefined)
  }

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
    this.cubes_ = new FacetCubes(deps.manager)
    this.typos_ = new TypoCorrector(deps.manager, options.typo_min_similarity)
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
    const def = typeof rows[0].definition === "string" ? JSON.parse(rows[0].definition) : rows[0].definition
    const plan = buildTablePlan(index, def)
    this.plans_.set(index, plan)
    return plan
  }

  async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    await this.ensureCatalog()
    const name = index.physical_name
    const plan = buildTablePlan(name, index)
    const existing = await this.manager_.execute(`SELECT "hash" FROM "ocop_search_catalog" WHERE "name" = ?`, [name])
    if (existing.length && existing[0].hash !== plan.hash) {
      await this.manager_.execute(`DROP TABLE IF EXISTS "${plan.table}" CASCADE`)
      await this.manager_.execute(`DROP TABLE IF EXISTS "${plan.table}_lex" CASCADE`)
      await this.manager_.execute(`DROP TABLE IF EXISTS "${plan.table}_doc" CASCADE`)
    }
    this.layout_.delete(plan.table)
    await this.ensureLayout(plan)
    for (const sql of createTableSql(plan)) await this.manager_.execute(sql)
    await this.bumpVersion(plan)
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

  async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    await this.ensureCatalog()
    const rows = await this.manager_.execute(`SELECT "table_name" FROM "ocop_search_catalog" WHERE "name" = ?`, [index])
    for (const row of rows) {
      await this.manager_.execute(`DROP TABLE IF EXISTS "${row.table_name}" CASCADE`)
      await this.manager_.execute(`DROP TABLE IF EXISTS "${row.table_name}_lex" CASCADE`)
      await this.manager_.execute(`DROP TABLE IF EXISTS "${row.table_name}_doc" CASCADE`)
      this.layout_.delete(row.table_name)
      await this.manager_.execute(`DROP SEQUENCE IF EXISTS "${row.table_name}_ver"`)
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

  async upsertDocuments({
    index,
    definition,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
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
    return { index, status: "succeeded" }
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const plan = await this.plan(index)
    await this.ensureLayout(plan)
    await this.manager_.execute(`TRUNCATE TABLE "${plan.table}", "${plan.table}_doc"`)
    await this.bumpVersion(plan)
    return { index, status: "succeeded" }
  }

  async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    return await Promise.all(inputs.map((input) => this.search(input)))
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const started = Date.now()
    const options = input.search_options ?? {}
    if (options.vector)
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The ocop-postgres search provider has no vector search")
    // options.locales: one folded analyzer serves vi and en alike; accepting the hint changes nothing
    const plan = await this.plan(input.index.physical_name, input.index)
    await this.ensureLayout(plan)
    const skip = input.pagination?.skip ?? 0
    const take = input.pagination?.take ?? 20
    const counted = options.count !== "none"
    const providerOpts = (options.provider_options?.[OCOP_POSTGRES_PROVIDER] ?? {}) as { disjunctive?: boolean }

    const text = parseTextQuery(input.q, options.match_strategy)
    const typoSettings = input.index.settings?.typo_tolerance
    const typos = await this.typos_.correct(plan.table, text, typoSettings, options.typo_tolerance !== false)
    const match = compileTextMatch(text, typos)
    const facets = facetRequests(options.facets, plan, input.index.name)
    const disjunctive = new Set(providerOpts.disjunctive ? facets.map((f) => f.field) : [])
    const { always, keyed } = splitFilters(input.filters as Record<string, unknown> | undefined, plan, disjunctive)
    const order = compileOrder(plan, input.pagination?.order, text.terms.length > 0, input.index.name)

    const strategy = this.facetStrategy(plan, facets, text)
    const fromCube = strategy === "cube" ? await this.countFromCube(plan, input, facets, keyed) : undefined
    const statement = searchStatement({
      plan,
      match,
      materialized: text.terms.length > 0,
      always,
      keyed,
      order,
      facets,
      facetSql: fromCube ? "none" : strategy === "per-facet" ? "per-facet" : "one-pass",
      counted,
      take,
      skip,
    })
    const row: FacetRow = statement ? (await this.manager_.execute(statement.sql, statement.params))[0] ?? {} : {}
    if (fromCube) {
      Object.assign(row, fromCube)
      if (!counted) delete row.total
    } else if (strategy !== "per-facet") {
      Object.assign(row, foldOnePass(fromJson<FacetCell[] | null>(row.agg) ?? [], facets, keyed, counted))
    }

    const hits = assembleHits(fromJson<HitRow[] | null>(row.hits) ?? [], plan, text, typos, {
      attributes: input.attributes_to_retrieve,
      includeScore: options.include_score,
      highlight: options.highlight,
    })
    return {
      hits,
      facets: facets.length ? facetResults(facets, row) : undefined,
      metadata: {
        skip,
        take,
        count: counted ? Number(row.total ?? 0) : null,
        query: input.q,
        processing_time_ms: Date.now() - started,
        ...(typos.size ? { corrected_terms: Object.fromEntries(typos) } : {}),
      } as SearchTypes.SearchResultMetadata,
    }
  }

  /**
   * One GROUP BY pass serves value and stats facets on scalar columns; range facets and array
   * columns need a subquery each. Without free text the facet cube is tried first.
   */
  protected facetStrategy(plan: TablePlan, facets: FacetRequest[], text: TextQuery): FacetStrategy {
    const onePass =
      facets.length > 0 &&
      facets.every((f) => (isValueFacet(f) || f.type === "stats") && !plan.columns.get(f.field)!.array)
    if (!onePass) return "per-facet"
    return text.terms.length ? "one-pass" : "cube"
  }

  /** Total and facet counts from the facet cube, or undefined when it cannot answer this search. */
  protected async countFromCube(
    plan: TablePlan,
    input: SearchTypes.ProviderSearchQuery,
    facets: FacetRequest[],
    keyed: KeyedFilter[]
  ): Promise<FacetRow | undefined> {
    const shape = cubeShape(
      plan,
      input.index.fields ?? {},
      input.filters as Record<string, unknown> | undefined,
      facets
    )
    if (!shape) return undefined
    const cube = await this.cubes_.get(plan, shape.dims, shape.stats)
    return (
      cube &&
      countCube(
        cube,
        shape,
        facets,
        keyed.map((k) => k.field)
      )
    )
  }
}

export default OcopPostgresSearchService
