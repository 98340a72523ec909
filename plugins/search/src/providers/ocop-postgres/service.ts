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
 * This file keeps the order of a search; each step has its module: text-match.ts and typos.ts
 * (free text), sql.ts (filters), statement.ts (the match set and the page), facet-cube.ts,
 * facet-sql.ts and facets.ts (facet counts), hits.ts (hit assembly). The indexes themselves —
 * catalog, tables (plan.ts), document writes (documents.ts) — are index-store.ts.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { FacetCubes, countCube, cubeShape } from "./facet-cube"
import { foldOnePass, type FacetCell, type KeyedFilter } from "./facet-sql"
import { facetRequests, isValueFacet, type FacetRequest, type FacetRow } from "./facets"
import { searchAnswer, type HitRow } from "./hits"
import { OCOP_POSTGRES_PROVIDER, OcopPostgresIndexStore, type OcopPostgresOptions } from "./index-store"
import type { TablePlan } from "./plan"
import { fromJson, type Executor } from "./sql"
import { MemoryIndexFollower } from "./memory-index-follower"
import { memorySearch, planMemorySearch, type MemorySearchResult } from "./memory-search"
import type { MemoryIndex } from "./memory-index"
import { broadTypeAhead, depth, MAX_ANSWERS, namePhrases, type TypeAheadQuery } from "./memory-type-ahead"
import { compileOrder, searchStatement, splitFilters } from "./statement"
import { nameRankPage } from "./memory-name-rank"
import {
  compileTextMatch,
  nameWeight,
  parseTextQuery,
  phraseable,
  textTsQuery,
  type TextQuery,
  type TextRank,
  type TypoAlternatives,
} from "./text-match"
import { parseTsQuery } from "./ts-rank"
import { TypoCorrector } from "./typos"
import { foldText, queryAccentTerms } from "../../lib/text"

export { OCOP_POSTGRES_PROVIDER } from "./index-store"
export type { OcopPostgresOptions } from "./index-store"
export type { Executor } from "./sql"
/**
 * How a search counts its facets: from the facet cube (no free text; falls back to one-pass when
 * the cube cannot answer), one GROUP BY pass over the match set, or one subquery per facet.
 */
export type FacetStrategy = "cube" | "one-pass" | "per-facet"

/** The type-ahead warm-up's slices of work between yields to the event loop (ms). */
const WARM_SLICE_MS = 2

export class OcopPostgresSearchService extends OcopPostgresIndexStore {
  static identifier = OCOP_POSTGRES_PROVIDER
  /** Facet cubes of whole indexes (filter-only searches). */
  protected cubes_: FacetCubes
  protected typos_: TypoCorrector
  /** In-process indexes per table (text searches), when enabled. */
  protected followers_ = new Map<string, MemoryIndexFollower>()
  protected memoryIndex_: boolean
  /** Per table: the type-ahead warm-up (see warmTypeAhead). */
  protected typeAhead_ = new Map<
    string,
    { index?: MemoryIndex; version: number; started: number; running?: Promise<unknown> }
  >()
  private collationChecked_?: Promise<boolean>

  constructor(deps: { manager: Executor }, options: OcopPostgresOptions = {}) {
    super(deps, options)
    this.cubes_ = new FacetCubes(deps.manager)
    this.typos_ = new TypoCorrector(deps.manager, options.typo_min_similarity)
    this.memoryIndex_ = options.memory_index ?? memoryIndexFromEnv(process.env.OCOP_SEARCH_MEMORY_INDEX)
  }

  protected changed(plan: TablePlan) {
    this.followers_.get(plan.table)?.touch()
  }

  /**
   * The in-process index of a table, once loaded (undefined while loading: SQL answers). Only on
   * a database whose text order is code-point order, as JS compares ids.
   */
  protected async memoryIndex(plan: TablePlan) {
    if (!this.memoryIndex_) return undefined
    this.collationChecked_ ??= this.manager_
      .execute(`SELECT array_to_string(ARRAY(SELECT x FROM unnest(?::text[]) x ORDER BY x), ' ') AS s`, [
        "{a,B,_a,-b,Z,b,a_b,ab,é,e}",
      ])
      .then(([r]) => r?.s === ["a", "B", "_a", "-b", "Z", "b", "a_b", "ab", "é", "e"].sort().join(" "))
    if (!(await this.collationChecked_)) return undefined
    let follower = this.followers_.get(plan.table)
    if (!follower) {
      follower = new MemoryIndexFollower(this.manager_, plan)
      this.followers_.set(plan.table, follower)
    }
    return await follower.current()
  }

  /** Loads the in-process indexes of these indexes now (tests, bench warm-up); false when disabled. */
  async warmMemoryIndex(indexes: string[]): Promise<boolean> {
    if (!this.memoryIndex_) return false
    for (const name of indexes) {
      const plan = await this.plan(name)
      await this.ensureLayout(plan)
      await this.memoryIndex(plan)
      await this.followers_.get(plan.table)?.ensureLoaded()
    }
    return [...this.followers_.values()].every((f) => f.loaded)
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
    const providerOpts = (options.provider_options?.[OCOP_POSTGRES_PROVIDER] ?? {}) as {
      disjunctive?: boolean
      /** "name": a type-ahead's order (text-match TextRank), instead of ts_rank. */
      rank?: TextRank
    }
    const rank: TextRank = providerOpts.rank === "name" ? "name" : "ts_rank"

    const text = parseTextQuery(input.q, options.match_strategy)
    const typoSettings = input.index.settings?.typo_tolerance
    const typos = await this.typos_.correct(plan.table, text, typoSettings, options.typo_tolerance !== false)
    const match = compileTextMatch(text, typos, rank)
    const facets = facetRequests(options.facets, plan, input.index.name)
    const disjunctive = new Set(providerOpts.disjunctive ? facets.map((f) => f.field) : [])
    const { always, keyed } = splitFilters(input.filters as Record<string, unknown> | undefined, plan, disjunctive)
    const order = compileOrder(plan, input.pagination?.order, text.terms.length > 0, input.index.name)

    const strategy = this.facetStrategy(plan, facets, text)
    if (this.memoryIndex_) {
      const answered = await this.searchInMemory(plan, input, {
        text,
        typos,
        facets,
        disjunctive,
        counted,
        take,
        skip,
        rank,
      })
      if (answered) {
        answered.metadata.processing_time_ms = Date.now() - started
        return answered
      }
    }
    // without words (SQL path), total and facets come from the cube when it can answer (cheaper than a pass)
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
    const row: FacetRow = statement ? ((await this.manager_.execute(statement.sql, statement.params))[0] ?? {}) : {}
    if (fromCube) {
      Object.assign(row, fromCube)
      if (!counted) delete row.total
    } else if (strategy !== "per-facet") {
      Object.assign(row, foldOnePass(fromJson<FacetCell[] | null>(row.agg) ?? [], facets, keyed, counted))
    }

    const rows = fromJson<HitRow[] | null>(row.hits) ?? []
    const answer = { plan, text, typos, facets, counted, take, skip, processingMs: Date.now() - started }
    return searchAnswer(rows, row, input, answer)
  }

  /**
   * A search from the in-process index: match, scores, total, facets and the page's ids in JS,
   * the page's stored documents from "<table>_doc". Without words the page comes from a presorted
   * order and total and facets from the index too, not the facet cube (its pass over tens of
   * thousands of cells plus its version read cost 15–40 ms at 100k, the HTTP p95 tail:
   * bench/RESULTS.md, 2026-11-30 search-p95): from the index's kept cells of the columns the search
   * reads and their live documents (memory-search countFromCells), else by cells slot by slot
   * (countByCells) or by per-filter sets.
   * Undefined when the index is not loaded or the search needs what only SQL answers (see
   * planMemorySearch).
   */
  protected async searchInMemory(
    plan: TablePlan,
    input: SearchTypes.ProviderSearchQuery,
    s: {
      text: TextQuery
      typos: TypoAlternatives
      facets: FacetRequest[]
      disjunctive: Set<string>
      counted: boolean
      take: number
      skip: number
      rank: TextRank
    }
  ): Promise<SearchTypes.SearchResult | undefined> {
    const { text, typos, facets, counted, take, skip } = s
    const filters = input.filters as Record<string, unknown> | undefined
    const mplan = planMemorySearch(plan, filters, facets, s.disjunctive, input.pagination?.order)
    if (!mplan) return undefined
    // a name rank is a type-ahead's: with filters, facets or a count SQL answers it
    const byName = s.rank === "name" && text.terms.length > 0
    if (byName && (facets.length || counted || mplan.tests.length)) return undefined
    const query = text.terms.length ? parseTsQuery(textTsQuery(text, typos)) : undefined
    if (text.terms.length && !query) return undefined
    const index = await this.memoryIndex(plan)
    if (!index) return undefined
    index.beginSearch()
    const typed = typos.size ? parseTsQuery(textTsQuery(text)) : undefined
    const accentKeys = query ? queryAccentTerms(text.q) : []
    // a type-ahead search (words, no facets, no count) is kept, and caught up with later writes
    const present = accentKeys.filter((k) => index.accents.has(k))
    const ahead: TypeAheadQuery | undefined =
      query && !counted && !facets.length
        ? {
            query,
            typed,
            accentKeys: present,
            order: mplan.order,
            take,
            skip,
            nameWeight: byName ? nameWeight(text) : undefined,
            // the words in a row: the operands of the query's AND, in the order typed
            phrase: byName && phraseable(text) && "kids" in query ? query.kids : undefined,
          }
        : undefined
    const kept = ahead
      ? [
          textTsQuery(text, typos),
          typed ? textTsQuery(text) : "",
          present.join(" "),
          JSON.stringify(filters ?? {}),
          JSON.stringify(input.pagination?.order ?? {}),
          take,
          skip,
          byName ? "name" : "",
        ].join("\u0000")
      : undefined
    const search = (take: number, skip: number, pageOnly = false) =>
      memorySearch(index, {
        query,
        typed,
        accentKeys,
        facets,
        disjunctive: s.disjunctive,
        plan: mplan,
        take,
        skip,
        pageOnly,
      })
    let found: MemorySearchResult
    const keptPage = kept === undefined ? undefined : index.typeAhead.get(kept)
    if (keptPage) found = { row: {}, page: keptPage }
    else if (ahead && kept !== undefined) {
      // the page and a few more (kills of page slots are absorbed); filters: kept for this version only
      const deep =
        ahead.nameWeight !== undefined
          ? nameRankPage(index, { ...ahead, nameWeight: ahead.nameWeight, take: depth(ahead), skip: 0 })
          : search(depth(ahead), 0, true).page.map((h) => ({ slot: index.slotOf.get(h.id)!, score: h.score }))
      index.typeAhead.keep(kept, ahead, deep, !mplan.tests.length)
      found = { row: {}, page: deep.slice(skip, skip + take).map((d) => ({ id: index.ids[d.slot], score: d.score })) }
    } else found = search(take, skip)
    if (kept !== undefined && text.terms.length === 1) this.warmTypeAhead(plan, input, index, byName)
    const { page } = found
    const row = found.row
    const byId = page.length
      ? await this.followers_.get(plan.table)!.documentsOf(page.map((h) => h.id))
      : new Map<string, unknown>()
    // a bare ts_rank is a real in SQL: its JSON is the float4's shortest text
    const real = !byName && !typos.size && !accentKeys.length
    const rows: HitRow[] = page.map((h) => ({
      id: h.id,
      document: byId.get(h.id) ?? {},
      score: real ? float4Text(h.score) : h.score,
    }))
    return searchAnswer(rows, row, input, { plan, text, typos, facets, counted, take, skip, processingMs: 0 })
  }

  /**
   * Type-ahead answers for every two-letter start of the index's words, then for the broad longer
   * starts and accented words (memory-type-ahead broadTypeAhead), computed in the background the
   * first time a one-word type-ahead search comes on an index (its shape is the template): the
   * short prefixes are the costly ones (they stand for hundreds of words and most documents). The
   * answers are kept across writes (./memory-type-ahead catches each up with the writes since), so
   * once per loaded index; a prefix first seen later is computed on demand, then kept. The rank's
   * shares and the length tiers are prepared whatever the template: a type-ahead ranked by the name
   * (./memory-name-rank) reads neither, but searches rank by ts_rank, and without them the first
   * search of a big word after a start took 300–450 ms at 1M ("nấm": its shares, the tiers and the
   * collections of their garbage).
   */
  protected warmTypeAhead(
    plan: TablePlan,
    template: SearchTypes.ProviderSearchQuery,
    index: MemoryIndex,
    byName: boolean
  ) {
    const state = this.typeAhead_.get(plan.table) ?? { version: -1, started: 0 }
    this.typeAhead_.set(plan.table, state)
    if (state.running || state.index === index) return
    Object.assign(state, { index, version: index.version, started: Date.now() })
    const twoLetters = [...new Set([...index.terms.keys()].filter((w) => w.length >= 2).map((w) => w.slice(0, 2)))]
    const broad = broadTypeAhead(index, MAX_ANSWERS / 2 - twoLetters.length)
    // a few asks past a first word, so that V8 has compiled that path too (./memory-shortest-first)
    const pastFirstWord = broad.slice(0, 8).map((word, k) => `${word} ${broad[(k + 1) % broad.length]?.[0] ?? "a"}`)
    // ranked by the name: three words in a row, for the phrase's path (memory-type-ahead namePhrases)
    const prefixes = [...twoLetters, ...broad, ...pastFirstWord, ...(byName ? namePhrases(index, 16) : [])]
    state.running = (async () => {
      // first the postings' shares of the rank (searches' ts_rank), a slice at a time: weighing a
      // list of a million postings inside the first search of its prefix held the event loop for
      // ~50 ms and more
      let until = performance.now() + WARM_SLICE_MS
      for (const p of index.terms.values())
        while (p.weighedCount < p.size) {
          p.orWeights(p.weighedCount + 4096)
          if (performance.now() < until) continue
          await new Promise((resolve) => setImmediate(resolve))
          until = performance.now() + WARM_SLICE_MS
        }
      // the length tiers a search by relevance pages by (./memory-shortest-first), and the
      // documents of each first letter, which a last word just begun stands for
      index.lengthTiers()
      for (const letter of new Set([...index.terms.keys()].map((w) => w[0])))
        index.match({ term: letter, prefix: true })
      // ranked by the name, a one-word ask seldom reads its whole match: the words in most documents
      // (pinned once read) are read now, not by the first ask past them ("đặc sản đồn" read "đóng")
      if (byName) {
        for (let k = 0; k < broad.length; k += 16) {
          index.pinHeavy(broad.slice(k, k + 16).filter((q) => q === foldText(q)))
          await new Promise((resolve) => setImmediate(resolve))
        }
        // and the letters and two-letter starts a last word begins with ("đặc sản đồ"), in every
        // word and in the names (pinned once read, ./memory-index termBits and nameBits)
        const scratch = index.scratchBitset("type-ahead warm-up")
        for (const start of [...new Set(twoLetters.map((s) => s[0])), ...twoLetters]) {
          index.match({ term: start, prefix: true }, scratch)
          index.nameMatch({ term: start, prefix: true }, scratch)
          await new Promise((resolve) => setImmediate(resolve))
        }
      }
      for (const q of prefixes) {
        await new Promise((resolve) => setImmediate(resolve))
        await this.search({ ...template, q })
      }
    })()
      .catch(() => undefined)
      .finally(() => (state.running = undefined))
  }

  /** Resolves when no type-ahead warm-up runs (bench, tests). */
  async typeAheadWarmed(): Promise<void> {
    for (const state of this.typeAhead_.values()) await state.running
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

/** On unless OCOP_SEARCH_MEMORY_INDEX says off ("off", "false", "0", "no"). */
export function memoryIndexFromEnv(value: string | undefined): boolean {
  return !["off", "false", "0", "no"].includes((value ?? "").trim().toLowerCase())
}

/** The shortest decimal that reads back as the same float4, as Postgres prints a real. */
export function float4Text(x: number): number {
  for (let p = 1; p <= 9; p++) {
    const v = Number(x.toPrecision(p))
    if (Math.fround(v) === x) return v
  }
  return x
}

export default OcopPostgresSearchService
