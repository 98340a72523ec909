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
 * statement over one materialised match set.
 */
import { AbstractSearchProviderService, MedusaError } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { accentTerms, foldText, foldedTerms, highlight, queryAccentTerms } from "../../lib/text"
import { buildTablePlan, createTableSql, splitDocumentsSql, type PlannedColumn, type TablePlan } from "./plan"
import { compileFilterEntries, compileFilters, pgArray, tsTerm, type Sql } from "./sql"

export type Executor = { execute: (sql: string, params?: unknown[]) => Promise<any[]> }
export type OcopPostgresOptions = { typo_min_similarity?: number }

export const OCOP_POSTGRES_PROVIDER = "ocop-postgres"
const UPSERT_CHUNK = 250
const MAX_TYPO_CANDIDATES = 4

type Row = { id: string; document: any; score: number | null }

export class OcopPostgresSearchService extends AbstractSearchProviderService {
  static identifier = OCOP_POSTGRES_PROVIDER
  protected manager_: Executor
  protected options_: OcopPostgresOptions
  protected plans_ = new Map<string, TablePlan>()
  protected lexCache_ = new Map<string, { at: number; candidates: string[] | null }>()
  protected ready_ = false
  /** Tables whose layout (documents split from the match table) was checked by this process. */
  protected layout_ = new Map<string, Promise<void>>()
  /** Facet cubes of whole indexes (filter-only searches), per table and dimension set, tagged with the write version they were built at. */
  protected cubes_ = new Map<string, { version: string; cube: Cube }>()

  /** Every write bumps the table's version sequence (visible to every process at once). */
  protected async bumpVersion(plan: TablePlan) {
    await this.manager_.execute(`SELECT nextval('"${plan.table}_ver"')`).catch(() => undefined)
  }

  /**
   * Counts of the whole index grouped by its value-facet fields (plus, when a search filters
   * on them, its numeric/boolean filter fields such as the price), with min/max/sum/count of
   * its stats-facet fields, held column-wise in memory: it answers the facets (and total) of
   * any search without free text whose filters only touch those fields, exactly. Rebuilt when
   * the table's write version moved since it was built (one GROUP BY over an index-only scan).
   */
  protected async cube(plan: TablePlan, dims: PlannedColumn[], stats: PlannedColumn[]): Promise<Cube | undefined> {
    const sig = dims.map((d) => d.column).join(",") + "|" + stats.map((d) => d.column).join(",")
    const [ver] = await this.manager_.execute(`SELECT last_value::text || ':' || is_called::text AS v FROM "${plan.table}_ver"`).catch(() => [])
    if (!ver) return undefined
    const key = plan.table + "|" + sig
    const cached = this.cubes_.get(key)
    if (cached && cached.version === ver.v) return cached.cube
    const cols = dims.map((d, i) => `"${d.column}"::text AS d${i}`)
    const meas = stats.flatMap((c, i) => [`min("${c.column}")::float8 AS mn${i}`, `max("${c.column}")::float8 AS mx${i}`, `sum("${c.column}")::float8 AS sm${i}`, `count("${c.column}")::int AS ct${i}`])
    const names = [...dims.map((_, i) => `d${i}`), "n", ...stats.flatMap((_, i) => [`mn${i}`, `mx${i}`, `sm${i}`, `ct${i}`])]
    const [row] = await this.manager_.execute(
      `SELECT json_build_object(${names.map((c) => `'${c}', coalesce(json_agg(${c}), '[]'::json)`).join(", ")}) AS cube
         FROM (SELECT ${[...cols, "count(*)::int AS n", ...meas].join(", ")} FROM "${plan.table}" GROUP BY ${dims.map((_, i) => i + 1).join(", ")}) a`
    )
    const raw = (typeof row?.cube === "string" ? JSON.parse(row.cube) : row?.cube) ?? {}
    const numeric = (c: PlannedColumn) => c.kind === "bigint" || c.kind === "double precision"
    const cube: Cube = {
      size: (raw.n ?? []).length,
      n: Float64Array.from(raw.n ?? []),
      dims: dims.map((d, i) => {
        const text: (string | null)[] = raw[`d${i}`] ?? []
        return { text, num: numeric(d) ? Float64Array.from(text, (v) => (v === null ? NaN : Number(v))) : undefined }
      }),
      stats: stats.map((_, i) => ({
        mn: Float64Array.from(raw[`mn${i}`] ?? [], (v: number | null) => (v === null ? NaN : v)),
        mx: Float64Array.from(raw[`mx${i}`] ?? [], (v: number | null) => (v === null ? NaN : v)),
        sm: Float64Array.from(raw[`sm${i}`] ?? [], (v: number | null) => (v === null ? 0 : v)),
        ct: Float64Array.from(raw[`ct${i}`] ?? []),
      })),
    }
    for (const [k, v] of this.cubes_) if (k.startsWith(plan.table + "|") && v.version !== ver.v) this.cubes_.delete(k)
    this.cubes_.set(key, { version: ver.v, cube })
    return cube
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
          `SELECT 1 AS x FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND column_name = 'document'`,
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
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "The ocop-postgres search provider needs the Search Module's database manager")
    }
    this.manager_ = deps.manager
    this.options_ = options
  }

  protected async ensureCatalog() {
    if (this.ready_) return
    await this.manager_.execute(`DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm; EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'pg_trgm: %', SQLERRM; END $$`)
    await this.manager_.execute(
      `CREATE TABLE IF NOT EXISTS "ocop_search_catalog" ("name" text PRIMARY KEY, "table_name" text NOT NULL, "definition" jsonb NOT NULL, "hash" text NOT NULL, "updated_at" timestamptz NOT NULL DEFAULT now())`
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
    if (!rows.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `The ocop-postgres search provider has no index "${index}"`)
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
       ON CONFLICT ("name") DO UPDATE SET "table_name" = EXCLUDED."table_name", "definition" = EXCLUDED."definition", "hash" = EXCLUDED."hash", "updated_at" = now()`,
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
    const rows = await this.manager_.execute(`SELECT "name", "table_name", "updated_at" FROM "ocop_search_catalog" ORDER BY "name"`)
    const out: SearchTypes.SearchIndexInfo[] = []
    for (const row of rows) {
      const [c] = await this.manager_.execute(`SELECT count(*)::int AS n FROM "${row.table_name}"`).catch(() => [{ n: 0 }])
      out.push({ name: row.name, provider: OCOP_POSTGRES_PROVIDER, document_count: Number(c?.n ?? 0), updated_at: row.updated_at })
    }
    return out
  }

  /** Folded text per weight, accent keys and lexicon terms for one document. */
  static project(document: Record<string, unknown>, plan: TablePlan) {
    const byWeight: Record<string, string[]> = { A: [], B: [], C: [], D: [] }
    const accent: string[] = []
    for (const s of plan.searchable) {
      const raw = document[s.field]
      const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string" && !!v)
      for (const value of values) {
        byWeight[s.weight].push(foldText(value))
        if (s.accent) accent.push(...accentTerms(value))
      }
    }
    return {
      weights: byWeight,
      accent: accent.length ? ` ${[...new Set(accent)].join(" ")} ` : "",
    }
  }

  async upsertDocuments({ index, definition, documents }: { index: string; definition: SearchTypes.ResolvedSearchIndexDefinition; documents: SearchTypes.SearchDocument[] }): Promise<SearchTypes.SearchTask> {
    if (!documents.length) return { index, status: "succeeded" }
    const plan = await this.plan(index, definition)
    await this.ensureLayout(plan)
    const columns = [...plan.columns.values()]
    const lexicon = new Set<string>()
    for (let offset = 0; offset < documents.length; offset += UPSERT_CHUNK) {
      const chunk = documents.slice(offset, offset + UPSERT_CHUNK)
      const params: unknown[] = []
      const rows: string[] = []
      for (const doc of chunk) {
        const projected = OcopPostgresSearchService.project(doc, plan)
        const tsvParts: string[] = []
        for (const w of ["A", "B", "C", "D"]) {
          const text = projected.weights[w].join(" ")
          if (!text) continue
          for (const term of text.split(" ")) if (term) lexicon.add(term)
          params.push(text)
          tsvParts.push(`setweight(to_tsvector('simple', ?), '${w}')`)
        }
        params.push(String(doc.id), JSON.stringify(doc), projected.accent)
        const colSql = columns.map((c) => {
          const value = doc[c.field]
          if (c.array) {
            params.push(Array.isArray(value) ? pgArray(value) : null)
            return `?::${c.kind}[]`
          }
          params.push(value === undefined || value === null ? null : value instanceof Date ? value.toISOString() : value)
          return `?::${c.kind}`
        })
        // the tsvector placeholders come first in params, so build the row in that order
        rows.push(`(${tsvParts.length ? tsvParts.join(" || ") : `''::tsvector`}, ?, ?::jsonb, ?${colSql.length ? ", " + colSql.join(", ") : ""})`)
      }
      const colNames = columns.map((c) => `"${c.column}"`)
      const updates = ["tsv", "accent", ...columns.map((c) => c.column)].map((c) => `"${c}" = EXCLUDED."${c}"`)
      // one statement writes the match row and the stored document
      await this.manager_.execute(
        `WITH v ("tsv", "id", "document", "accent"${colNames.length ? ", " + colNames.join(", ") : ""}) AS (VALUES ${rows.join(",\n")}),
         d AS (INSERT INTO "${plan.table}_doc" ("id", "document") SELECT "id", "document" FROM v
               ON CONFLICT ("id") DO UPDATE SET "document" = EXCLUDED."document")
         INSERT INTO "${plan.table}" ("tsv", "id", "accent"${colNames.length ? ", " + colNames.join(", ") : ""})
         SELECT "tsv", "id", "accent"${colNames.length ? ", " + colNames.join(", ") : ""} FROM v
         ON CONFLICT ("id") DO UPDATE SET ${updates.join(", ")}, "updated_at" = now()`,
        params
      )
    }
    if (lexicon.size) {
      await this.manager_.execute(
        `INSERT INTO "${plan.table}_lex" ("term") SELECT unnest(?::text[]) ON CONFLICT DO NOTHING`,
        [pgArray([...lexicon])]
      )
    }
    await this.bumpVersion(plan)
    return { index, status: "succeeded" }
  }

  async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const plan = await this.plan(index)
    const keys = Object.keys(filters ?? {})
    const pk = plan.primary_key
    if (keys.length === 1 && (keys[0] === pk || keys[0] === "id")) {
      const raw = (filters as any)[keys[0]]
      const ids = Array.isArray(raw) ? raw : raw && typeof raw === "object" && Array.isArray(raw.$in) ? raw.$in : [raw?.$eq ?? raw]
      await this.ensureLayout(plan)
      await this.manager_.execute(
        `WITH d AS (DELETE FROM "${plan.table}" WHERE "id" = ANY(?::text[]) RETURNING "id") DELETE FROM "${plan.table}_doc" WHERE "id" = ANY(?::text[])`,
        [pgArray(ids.map(String)), pgArray(ids.map(String))]
      )
      await this.bumpVersion(plan)
      return { index, status: "succeeded" }
    }
    const where = compileFilters(filters as any, plan)
    if (!where) throw new MedusaError(MedusaError.Types.INVALID_DATA, "deleteDocuments needs filters")
    await this.ensureLayout(plan)
    await this.manager_.execute(
      `WITH d AS (DELETE FROM "${plan.table}" WHERE ${where.sql} RETURNING "id") DELETE FROM "${plan.table}_doc" WHERE "id" IN (SELECT "id" FROM d)`,
      where.params
    )
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

  /** Typo candidates for folded terms that are not in the lexicon (cached one minute). */
  protected async typoCandidates(plan: TablePlan, terms: string[], minLength: number): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>()
    const now = Date.now()
    const lookup: string[] = []
    for (const term of terms) {
      if (term.length < minLength) continue
      const hit = this.lexCache_.get(plan.table + ":" + term)
      if (hit && now - hit.at < 60_000) {
        if (hit.candidates) out.set(term, hit.candidates)
      } else lookup.push(term)
    }
    if (!lookup.length) return out
    const minSim = this.options_.typo_min_similarity ?? 0.4
    const rows = await this.manager_.execute(
      `SELECT q.term AS term, l.term AS cand, similarity(l.term, q.term) AS sim
         FROM unnest(?::text[]) AS q(term)
         JOIN LATERAL (SELECT term FROM "${plan.table}_lex" WHERE term % q.term ORDER BY term <-> q.term LIMIT 8) l ON true`,
      [pgArray(lookup)]
    )
    const grouped = new Map<string, { cand: string; sim: number }[]>()
    for (const r of rows) grouped.set(r.term, [...(grouped.get(r.term) ?? []), { cand: r.cand, sim: Number(r.sim) }])
    for (const term of lookup) {
      const list = grouped.get(term) ?? []
      const exact = list.some((c) => c.cand === term)
      const candidates = exact
        ? null
        : list
            .filter((c) => c.sim >= minSim && Math.abs(c.cand.length - term.length) <= 2)
            .sort((a, b) => b.sim - a.sim)
            .slice(0, MAX_TYPO_CANDIDATES)
            .map((c) => c.cand)
      this.lexCache_.set(plan.table + ":" + term, { at: now, candidates: candidates && candidates.length ? candidates : null })
      if (this.lexCache_.size > 5000) this.lexCache_.clear()
      if (candidates && candidates.length) out.set(term, candidates)
    }
    return out
  }

  async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    return await Promise.all(inputs.map((input) => this.search(input)))
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const started = Date.now()
    const options = input.search_options ?? {}
    if (options.vector) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The ocop-postgres search provider has no vector search")
    if (options.locales?.length) {
      // one folded analyzer serves vi and en alike; accepting the hint changes nothing
    }
    const plan = await this.plan(input.index.physical_name, input.index)
    await this.ensureLayout(plan)
    const skip = input.pagination?.skip ?? 0
    const take = input.pagination?.take ?? 20
    const providerOpts = (options.provider_options?.[OCOP_POSTGRES_PROVIDER] ?? {}) as { disjunctive?: boolean }
    // Params are collected per SQL part and concatenated in the order the parts appear.
    const scoreParams: unknown[] = []
    const matchParams: unknown[] = []
    const pageParams: unknown[] = []
    const facetParams: unknown[] = []
    const bind = (list: unknown[], v: unknown) => {
      list.push(v)
      return "?"
    }

    // ---- free text ----------------------------------------------------------------------
    const q = (input.q ?? "").normalize("NFC").trim()
    const terms = q ? foldedTerms(q).map(tsTerm).filter(Boolean) : []
    const last = options.match_strategy === "last"
    const typoSettings = input.index.settings?.typo_tolerance
    const typoOn = !!terms.length && options.typo_tolerance !== false && typoSettings?.enabled !== false
    const typos = typoOn ? await this.typoCandidates(plan, last ? terms.slice(0, -1) : terms, typoSettings?.min_word_size_for_one_typo ?? 4) : new Map()
    const any = options.match_strategy === "any"
    const termQuery = (t: string, i: number) => {
      if (last && i === terms.length - 1) return `${t}:*`
      const alts = typos.get(t)
      return alts ? `(${[t, ...alts].join(" | ")})` : t
    }
    const tsq = terms.map(termQuery).join(any ? " | " : " & ")
    const exactTsq = terms.map((t, i) => (last && i === terms.length - 1 ? `${t}:*` : t)).join(any ? " | " : " & ")
    const accentKeys = q ? queryAccentTerms(q) : []

    const scoreParts: string[] = []
    let matchSql = "TRUE"
    if (terms.length) {
      matchSql = `"tsv" @@ to_tsquery('simple', ${bind(matchParams, tsq)})`
      scoreParts.push(`ts_rank("tsv", to_tsquery('simple', ${bind(scoreParams, tsq)}), 1)`)
      if (typos.size) scoreParts.push(`(CASE WHEN "tsv" @@ to_tsquery('simple', ${bind(scoreParams, exactTsq)}) THEN 1 ELSE 0 END)`)
      for (const key of accentKeys) scoreParts.push(`(CASE WHEN strpos("accent", ${bind(scoreParams, ` ${key} `)}) > 0 THEN 0.5 ELSE 0 END)`)
    }
    const scoreSql = scoreParts.length ? scoreParts.join(" + ") : "0"

    // ---- filters: always-on vs per-facet ---------------------------------------------------
    const facetReqs = (options.facets ?? []).map((f) => (typeof f === "string" ? { field: f, type: "value" as const } : f)) as SearchTypes.SearchFacetRequest[]
    for (const f of facetReqs) {
      if (!plan.columns.has(f.field)) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Field "${f.field}" is not facetable on search index "${input.index.name}"`)
    }
    const facetFields = new Set(providerOpts.disjunctive ? facetReqs.map((f) => f.field) : [])
    const entries = compileFilterEntries((input.filters ?? {}) as any, plan)
    const always: Sql[] = []
    const keyed: { field: string; where: Sql; alias: string }[] = []
    for (const e of entries) {
      if (e.field && facetFields.has(e.field)) keyed.push({ field: e.field, where: e.where, alias: `k${keyed.length}` })
      else always.push(e.where)
    }

    // ---- the match set --------------------------------------------------------------------
    const order = Object.entries(input.pagination?.order ?? {})
    const sortCols = new Set<string>()
    const orderSql: string[] = []
    for (const [field, dir] of order) {
      const d = dir === "ASC" ? "ASC" : "DESC"
      if (field === "_score") {
        orderSql.push(`score ${d}`)
        continue
      }
      const col = plan.columns.get(field)
      if (!col || col.array) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Cannot sort search index "${input.index.name}" by "${field}"`)
      sortCols.add(col.column)
      orderSql.push(`"${col.column}" ${d} NULLS LAST`)
    }
    if (!order.length) orderSql.push(terms.length ? "score DESC" : `"id" ASC`)
    orderSql.push(`"id" ASC`)

    const facetCols = new Set(facetReqs.map((f) => plan.columns.get(f.field)!.column))
    const selectCols = [...new Set([...sortCols, ...facetCols])].map((c) => `"${c}"`)
    const keyedParams = keyed.flatMap((k) => k.where.params)
    const keyedSelect = keyed.map((k) => `(${k.where.sql}) AS ${k.alias}`)
    const whereParts = [matchSql, ...always.map((a) => `(${a.sql})`)]
    const alwaysParams = always.flatMap((a) => a.params)
    const allKeyed = keyed.length ? keyed.map((k) => k.alias).join(" AND ") : "TRUE"
    // One pass for every facet: the match set grouped by all facet values and the per-facet
    // filter flags (a few thousand rows at most), folded in JS — a facet counts the rows where
    // every *other* facet filter holds. Range facets and array columns keep the one-subquery-per-facet path.
    const onePass = facetReqs.length > 0 && facetReqs.every((f) => (!f.type || f.type === "value" || f.type === "stats") && !plan.columns.get(f.field)!.array)
    // Without free text the match set is cheap to recompute (index-only scan of the covering
    // index), and inlining lets the page read the (stars, created_at) index in order.
    const materialize = terms.length ? "MATERIALIZED" : "NOT MATERIALIZED"
    const valueFacets = facetReqs.map((f, i) => ({ f, i })).filter(({ f }) => !f.type || f.type === "value")
    const statsFacets = facetReqs.map((f, i) => ({ f, i })).filter(({ f }) => f.type === "stats")
    // Without free text, facets and total come from the index's facet cube when every filter
    // and facet field is one of its dimensions (the usual browse/filter page).
    let cubeDone = false
    const cubeOut: Record<string, any> = {}
    if (!terms.length && onePass) {
      const defs = (input.index.fields ?? {}) as Record<string, any>
      const facetTypes = (d: any) => (d?.facetable && typeof d.facetable === "object" && Array.isArray(d.facetable.types) ? d.facetable.types : ["value"])
      const rawFilters = Object.entries((input.filters ?? {}) as Record<string, unknown>).filter(([k, v]) => k !== "q" && v !== undefined)
      const filtered = new Set(rawFilters.map(([k]) => k))
      // value-facet fields always; numeric/boolean filter fields (price, stock) only when this search filters on them
      const dims = [...plan.columns.values()].filter(
        (c) =>
          !c.array &&
          c.kind !== "timestamptz" &&
          ((c.kind !== "double precision" && defs[c.field]?.facetable && facetTypes(defs[c.field]).includes("value")) ||
            (filtered.has(c.field) && defs[c.field]?.filterable && (c.kind === "bigint" || c.kind === "double precision" || c.kind === "boolean")))
      )
      const statCols = [...plan.columns.values()].filter((c) => !c.array && defs[c.field]?.facetable && facetTypes(defs[c.field]).includes("stats"))
      const dimIndex = new Map(dims.map((d, i) => [d.field, i]))
      const statIndex = new Map(statCols.map((d, i) => [d.field, i]))
      const preds = rawFilters.map(([field, value]) => {
        const col = plan.columns.get(field)
        const numeric = !!col && (col.kind === "bigint" || col.kind === "double precision")
        return { field, test: dimIndex.has(field) ? cellPredicate(value, numeric) : undefined }
      })
      const eligible =
        preds.every((p) => !!p.test) &&
        valueFacets.every(({ f }) => dimIndex.has(f.field)) &&
        statsFacets.every(({ f }) => statIndex.has(f.field))
      if (eligible && dims.length) {
        const cube = await this.cube(plan, dims, statCols)
        if (cube) {
          // A cell counts for the total when every filter holds, and for facet F when every
          // filter except F's own (disjunctive) holds: one pass, a bit per failed keyed filter.
          const keyedFields = new Set(keyed.map((k) => k.field))
          const keyedBit = new Map(keyed.map((k, b) => [k.field, 1 << b]))
          const compiled = preds.map((p) => {
            const d = cube.dims[dimIndex.get(p.field)!]
            return { d, test: p.test!, bit: keyedFields.has(p.field) ? keyedBit.get(p.field)! : 0 }
          })
          const vf = valueFacets.map(({ f, i }) => ({ i, text: cube.dims[dimIndex.get(f.field)!].text, bit: keyedBit.get(f.field) ?? 0, counts: new Map<string, number>() }))
          const sf = statsFacets.map(({ f, i }) => ({ i, s: cube.stats[statIndex.get(f.field)!], bit: keyedBit.get(f.field) ?? 0, mn: Infinity, mx: -Infinity, sm: 0, ct: 0 }))
          let total = 0
          cells: for (let c = 0; c < cube.size; c++) {
            let mask = 0
            for (const p of compiled) {
              if (p.test(p.d.text[c], p.d.num ? p.d.num[c] : NaN)) continue
              if (!p.bit) continue cells
              if (mask) continue cells // two keyed filters fail: counts nowhere
              mask = p.bit
            }
            const n = cube.n[c]
            if (!mask) total += n
            for (const f of vf) {
              if (mask && mask !== f.bit) continue
              const v = f.text[c]
              if (v !== null && v !== undefined) f.counts.set(v, (f.counts.get(v) ?? 0) + n)
            }
            for (const f of sf) {
              if ((mask && mask !== f.bit) || !f.s.ct[c]) continue
              if (f.s.mn[c] < f.mn) f.mn = f.s.mn[c]
              if (f.s.mx[c] > f.mx) f.mx = f.s.mx[c]
              f.sm += f.s.sm[c]
              f.ct += f.s.ct[c]
            }
          }
          cubeOut.total = total
          for (const f of vf) cubeOut[`f${f.i}`] = sortedCounts(f.counts, (facetReqs[f.i] as any).limit ?? 100)
          for (const f of sf) cubeOut[`f${f.i}`] = { min: f.ct ? f.mn : null, max: f.ct ? f.mx : null, avg: f.ct ? f.sm / f.ct : null, count: f.ct }
          cubeDone = true
        }
      }
    }
    const ctes = [
      `m AS ${materialize} (SELECT "id", ${scoreSql} AS score${selectCols.length ? ", " + selectCols.join(", ") : ""}${keyedSelect.length ? ", " + keyedSelect.join(", ") : ""}
        FROM "${plan.table}" WHERE ${whereParts.join(" AND ")})`,
    ]
    const selects: string[] = []
    if (take > 0) {
      ctes.push(`page AS (SELECT "id", score, row_number() OVER () AS rn FROM (SELECT "id", score FROM m WHERE ${allKeyed} ORDER BY ${orderSql.join(", ")} LIMIT ${bind(pageParams, take)} OFFSET ${bind(pageParams, skip)}) s)`)
      selects.push(`(SELECT json_agg(json_build_object('id', t."id", 'document', t."document", 'score', page.score) ORDER BY page.rn) FROM page JOIN "${plan.table}_doc" t ON t."id" = page."id") AS hits`)
    }
    const facetSelects: string[] = []
    if (cubeDone) {
      // facets and total come from the cube; the statement only fetches the page
    } else if (onePass) {
      const kAliases = keyed.map((k) => k.alias)
      const inner = [
        ...valueFacets.map(({ f, i }) => `"${plan.columns.get(f.field)!.column}"::text AS g${i}`),
        ...statsFacets.map(({ f, i }) => `"${plan.columns.get(f.field)!.column}"::double precision AS s${i}`),
        ...kAliases.map((k) => `coalesce(${k}, false) AS ${k}`),
      ]
      const gCols = valueFacets.map(({ i }) => `g${i}`)
      const aggCols = [
        `count(*)::int AS n`,
        ...statsFacets.flatMap(({ i }) => [`min(s${i}) AS mn${i}`, `max(s${i}) AS mx${i}`, `sum(s${i}) AS sm${i}`, `count(s${i})::int AS ct${i}`]),
      ]
      const groupBy = [...gCols, ...kAliases]
      selects.push(
        `(SELECT coalesce(json_agg(a), '[]'::json) FROM (SELECT ${[...groupBy, ...aggCols].join(", ")} FROM (SELECT ${inner.join(", ")} FROM m) z${groupBy.length ? ` GROUP BY ${groupBy.join(", ")}` : ""}) a) AS agg`
      )
    } else {
      if (options.count !== "none") selects.push(`(SELECT count(*) FROM m WHERE ${allKeyed})::int AS total`)
      facetReqs.forEach((f, i) => {
        const col = plan.columns.get(f.field)!
        const others = keyed.filter((k) => k.field !== f.field).map((k) => k.alias)
        const where = others.length ? others.join(" AND ") : "TRUE"
        const c = `"${col.column}"`
        if (!f.type || f.type === "value") {
          const limit = (f as any).limit ?? 100
          const src = col.array ? `FROM m, unnest(${c}) AS v WHERE ${where}` : `FROM m WHERE ${where} AND ${c} IS NOT NULL`
          const val = col.array ? "v" : c
          facetSelects.push(
            `(SELECT coalesce(json_agg(json_build_object('value', x.v, 'count', x.n) ORDER BY x.n DESC, x.v), '[]'::json) FROM (SELECT ${val}::text AS v, count(*)::int AS n ${src} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${Number(limit)}) x) AS f${i}`
          )
        } else if (f.type === "stats") {
          facetSelects.push(`(SELECT json_build_object('min', min(${c}), 'max', max(${c}), 'avg', avg(${c}), 'count', count(${c})) FROM m WHERE ${where}) AS f${i}`)
        } else if (f.type === "range") {
          const parts = f.ranges.map((r, ri) => {
            const conds = [where]
            if (r.from !== undefined) conds.push(`${c} >= ${bind(facetParams, r.from)}`)
            if (r.to !== undefined) conds.push(`${c} < ${bind(facetParams, r.to)}`)
            return `'${ri}', count(*) FILTER (WHERE ${conds.join(" AND ")})`
          })
          facetSelects.push(`(SELECT json_build_object(${parts.join(", ")}) FROM m) AS f${i}`)
        }
      })
    }
    const params = [...scoreParams, ...keyedParams, ...matchParams, ...alwaysParams, ...pageParams, ...facetParams]
    const sql = `WITH ${ctes.join(",\n")} SELECT ${[...selects, ...facetSelects].join(",\n")}`
    const rows = selects.length + facetSelects.length ? await this.manager_.execute(sql, params) : [{}]
    const row = rows[0] ?? {}
    if (cubeDone) {
      Object.assign(row, cubeOut)
      if (options.count === "none") delete row.total
    } else if (onePass) {
      const agg: Record<string, any>[] = (typeof row.agg === "string" ? JSON.parse(row.agg) : row.agg) ?? []
      // one row per combination of facet values and filter flags (a small "cube" of the match set)
      const holds = (r: Record<string, any>, except?: string) => keyed.every((k) => k.field === except || r[k.alias] === true)
      const base = agg
      if (options.count !== "none") row.total = agg.filter((r) => holds(r)).reduce((n, r) => n + Number(r.n), 0)
      valueFacets.forEach(({ f, i }) => {
        const counts = new Map<string, number>()
        for (const r of agg) {
          const v = r[`g${i}`]
          if (v === null || v === undefined || !holds(r, f.field)) continue
          counts.set(v, (counts.get(v) ?? 0) + Number(r.n))
        }
        row[`f${i}`] = sortedCounts(counts, (f as any).limit ?? 100)
      })
      statsFacets.forEach(({ f, i }) => {
        let mn: number | null = null, mx: number | null = null, sm = 0, ct = 0
        for (const r of base) {
          if (!holds(r, f.field) || !Number(r[`ct${i}`])) continue
          const a = Number(r[`mn${i}`]), b = Number(r[`mx${i}`])
          mn = mn === null || a < mn ? a : mn
          mx = mx === null || b > mx ? b : mx
          sm += Number(r[`sm${i}`])
          ct += Number(r[`ct${i}`])
        }
        row[`f${i}`] = { min: mn, max: mx, avg: ct ? sm / ct : null, count: ct }
      })
    }
    const hitRows: Row[] = (typeof row.hits === "string" ? JSON.parse(row.hits) : row.hits) ?? []

    const hl = options.highlight
    const hlFields = hl === true ? plan.searchable.map((s) => s.field) : hl && typeof hl === "object" ? hl.fields : []
    const hlTerms = [...terms, ...[...typos.values()].flat()]
    const hits: SearchTypes.SearchHit[] = hitRows.map((r) => {
      const document = (typeof r.document === "string" ? JSON.parse(r.document) : r.document) as Record<string, unknown>
      const projected: Record<string, unknown> = {}
      for (const key of input.attributes_to_retrieve?.length ? input.attributes_to_retrieve : Object.keys(document)) {
        if (key in document) projected[key] = document[key]
      }
      projected.id ??= r.id
      const hit: SearchTypes.SearchHit = { id: r.id, document: projected }
      if (options.include_score) hit.score = Number(r.score ?? 0)
      if (q && hlFields.length) {
        const highlights: Record<string, string[]> = {}
        for (const field of hlFields) {
          const value = document[field]
          if (typeof value === "string" && value)
            highlights[field] = [
              highlight(value, last ? hlTerms.slice(0, -1) : hlTerms, {
                pre: typeof hl === "object" ? hl.pre_tag : undefined,
                post: typeof hl === "object" ? hl.post_tag : undefined,
                prefixes: last ? [terms[terms.length - 1]] : [],
              }),
            ]
        }
        hit.highlights = highlights
      }
      return hit
    })

    const facets: Record<string, SearchTypes.SearchFacetResult> = {}
    facetReqs.forEach((f, i) => {
      const raw = row[`f${i}`]
      const value = typeof raw === "string" ? JSON.parse(raw) : raw
      if (!f.type || f.type === "value") facets[f.field] = { type: "value", values: value ?? [] }
      else if (f.type === "stats") facets[f.field] = { type: "stats", min: value?.min == null ? 0 : Number(value.min), max: value?.max == null ? 0 : Number(value.max), avg: value?.avg == null ? undefined : Number(value.avg), count: Number(value?.count ?? 0) }
      else if (f.type === "range")
        facets[f.field] = { type: "range", ranges: f.ranges.map((r, ri) => ({ key: r.key ?? String(ri), from: r.from, to: r.to, count: Number(value?.[String(ri)] ?? 0) })) }
    })

    return {
      hits,
      facets: facetReqs.length ? facets : undefined,
      metadata: {
        skip,
        take,
        count: options.count === "none" ? null : Number(row.total ?? 0),
        query: input.q,
        processing_time_ms: Date.now() - started,
        ...(typos.size ? { corrected_terms: Object.fromEntries(typos) } : {}),
      } as any,
    }
  }
}

type Cube = {
  size: number
  n: Float64Array
  dims: { text: (string | null)[]; num?: Float64Array }[]
  stats: { mn: Float64Array; mx: Float64Array; sm: Float64Array; ct: Float64Array }[]
}
type CellTest = (text: string | null | undefined, num: number) => boolean

function sortedCounts(counts: Map<string, number>, limit: number) {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, Number(limit))
    .map(([value, count]) => ({ value, count }))
}

/**
 * A filter value as a JS test on a cube cell (its text value, and its number for numeric
 * columns), or undefined when only SQL can say. Mirrors the SQL of ./sql.ts: NULL never
 * satisfies a comparison.
 */
function cellPredicate(value: unknown, numeric = false): CellTest | undefined {
  if (value === null) return (t) => t === null || t === undefined
  if (value instanceof Date) return undefined
  const num = (v: unknown) => (typeof v === "number" ? v : Number(v))
  const eq = (operand: unknown): CellTest | undefined => {
    if (operand === null) return (t) => t === null || t === undefined
    if (operand instanceof Date || (typeof operand === "object" && operand !== null)) return undefined
    if (numeric) {
      const x = num(operand)
      if (!Number.isFinite(x)) return undefined
      return (t, n) => n === x
    }
    const s = String(operand)
    return (t) => t === s
  }
  const member = (list: unknown[]): CellTest | undefined => {
    if (numeric) {
      const xs = list.map(num)
      if (!xs.every(Number.isFinite)) return undefined
      const set = new Set(xs)
      return (t, n) => t !== null && t !== undefined && set.has(n)
    }
    const set = new Set(list.map(String))
    return (t) => t !== null && t !== undefined && set.has(t)
  }
  if (Array.isArray(value)) return member(value)
  if (typeof value !== "object") return eq(value)
  const preds: CellTest[] = []
  for (const [op, operand] of Object.entries(value as Record<string, unknown>)) {
    if (op === "$eq") {
      const p = Array.isArray(operand) ? member(operand) : eq(operand)
      if (!p) return undefined
      preds.push(p)
    } else if (op === "$in" || op === "$nin") {
      const p = member(Array.isArray(operand) ? operand : [operand])
      if (!p) return undefined
      preds.push(op === "$in" ? p : (t, n) => t !== null && t !== undefined && !p(t, n))
    } else if (op === "$ne") {
      if (operand === null) preds.push((t) => t !== null && t !== undefined)
      else {
        const p = eq(operand)
        if (!p) return undefined
        preds.push((t, n) => t !== null && t !== undefined && !p(t, n))
      }
    } else if (numeric && (op === "$gt" || op === "$gte" || op === "$lt" || op === "$lte")) {
      const x = num(operand)
      if (!Number.isFinite(x)) return undefined
      preds.push(
        op === "$gt" ? (_t, n) => n > x : op === "$gte" ? (_t, n) => n >= x : op === "$lt" ? (_t, n) => n < x : (_t, n) => n <= x
      )
    } else return undefined
  }
  return (t, n) => preds.every((p) => p(t, n))
}

export default OcopPostgresSearchService
