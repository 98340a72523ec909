/**
 * "ocop-meilisearch": Search Module provider on the official `meilisearch` client.
 * Our own rather than the community plugin: the index settings come from the shared index
 * definition (one source of truth with the Postgres provider), dates are stored as epoch
 * milliseconds so they filter and sort, and disjunctive facets ride on one multi-search.
 */
import { AbstractSearchProviderService, MedusaError } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import {
  buildMeiliSettings,
  dateFieldsOf,
  OCOP_MEILISEARCH_PROVIDER,
  toMeiliDocument,
  toMeiliFilter,
  toMeiliSort,
} from "./settings"
import type { UpsertDocumentsInput } from "../provider-input"

export type MeiliOptions = { host?: string; apiKey?: string }

export class OcopMeilisearchService extends AbstractSearchProviderService {
  static identifier = OCOP_MEILISEARCH_PROVIDER
  protected options_: MeiliOptions
  protected client_: any
  protected dateFields_ = new Map<string, Set<string>>()

  constructor(_deps: Record<string, unknown>, options: MeiliOptions = {}) {
    super()
    this.options_ = {
      host: options.host ?? process.env.MEILISEARCH_HOST,
      apiKey: options.apiKey ?? process.env.MEILISEARCH_API_KEY,
    }
  }

  protected async client() {
    if (this.client_) return this.client_
    if (!this.options_.host)
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "ocop-meilisearch needs a host (MEILISEARCH_HOST)")
    const { Meilisearch } = await import("meilisearch")
    this.client_ = new Meilisearch({ host: this.options_.host, apiKey: this.options_.apiKey })
    return this.client_
  }

  protected async wait(promise: any, timeOutMs = 120_000): Promise<SearchTypes.SearchTask> {
    const task = await promise.waitTask({ timeout: timeOutMs })
    if (task.status !== "succeeded")
      return { id: String(task.uid), status: "failed", error: { message: task.error?.message ?? "task failed" } }
    return { id: String(task.uid), index: task.indexUid, status: "succeeded" }
  }

  async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }) {
    const client = await this.client()
    this.dateFields_.set(index.physical_name, dateFieldsOf(index.fields))
    await this.wait(client.createIndex(index.physical_name, { primaryKey: index.primary_key ?? "id" })).catch(
      () => undefined
    )
    return await this.wait(client.index(index.physical_name).updateSettings(buildMeiliSettings(index)))
  }

  async deleteIndex({ index }: { index: string }) {
    return await this.wait((await this.client()).deleteIndex(index))
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    const client = await this.client()
    const { results } = await client.getIndexes({ limit: 1000 })
    const out: SearchTypes.SearchIndexInfo[] = []
    for (const idx of results) {
      const stats = await client.index(idx.uid).getStats()
      out.push({ name: idx.uid, provider: OCOP_MEILISEARCH_PROVIDER, document_count: stats.numberOfDocuments })
    }
    return out
  }

  async upsertDocuments({ index, definition, documents }: UpsertDocumentsInput) {
    const dates = dateFieldsOf(definition.fields)
    this.dateFields_.set(index, dates)
    const client = await this.client()
    const task = await client.index(index).addDocuments(
      documents.map((d) => toMeiliDocument(d, dates)),
      { primaryKey: definition.primary_key ?? "id" }
    )
    return { id: String(task.taskUid), index, status: "enqueued" as const }
  }

  async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput) {
    const client = await this.client()
    const keys = Object.keys(filters)
    const raw = (filters as any).id
    const task =
      keys.length === 1 && raw !== undefined
        ? await client
            .index(index)
            .deleteDocuments((Array.isArray(raw) ? raw : (raw.$in ?? [raw.$eq ?? raw])).map(String))
        : await client
            .index(index)
            .deleteDocuments({ filter: toMeiliFilter(filters as any, this.dateFields_.get(index)) })
    return { id: String(task.taskUid), index, status: "enqueued" as const }
  }

  async clearIndex({ index }: { index: string }) {
    return await this.wait((await this.client()).index(index).deleteAllDocuments())
  }

  async waitForTask(task: SearchTypes.SearchTask, options?: { timeout_ms?: number }) {
    if (!task.id || task.status === "succeeded" || task.status === "failed") return task
    const client = await this.client()
    const done = await client.tasks.waitForTask(Number(task.id), { timeout: options?.timeout_ms ?? 120_000 })
    return { ...task, status: done.status === "succeeded" ? ("succeeded" as const) : ("failed" as const) }
  }

  /** Builds one Meilisearch query from a provider query (pure apart from `this.dateFields_`). */
  toMeiliQuery(input: SearchTypes.ProviderSearchQuery) {
    const o = input.search_options ?? {}
    const dates = this.dateFields_.get(input.index.physical_name) ?? dateFieldsOf(input.index.fields)
    const facets = (o.facets ?? []).map((f) => (typeof f === "string" ? f : f.field))
    const hl = o.highlight
    return {
      indexUid: input.index.physical_name,
      q: input.q ?? "",
      filter: toMeiliFilter(input.filters as any, dates),
      sort: toMeiliSort(input.pagination?.order),
      offset: input.pagination?.skip ?? 0,
      limit: input.pagination?.take ?? 20,
      facets: facets.length ? facets : undefined,
      attributesToRetrieve: input.attributes_to_retrieve,
      attributesToSearchOn: o.attributes_to_search_on,
      matchingStrategy: o.match_strategy === "any" ? "last" : "all",
      attributesToHighlight: hl ? (hl === true ? ["*"] : hl.fields) : undefined,
      highlightPreTag: typeof hl === "object" ? hl.pre_tag : undefined,
      highlightPostTag: typeof hl === "object" ? hl.post_tag : undefined,
      showRankingScore: !!o.include_score,
      locales: o.locales?.map((l) => (l.startsWith("en") ? "eng" : l.startsWith("vi") ? "vie" : l)),
    }
  }

  async search(input: SearchTypes.ProviderSearchQuery) {
    return (await this.searchMany([input]))[0]
  }

  async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    const client = await this.client()
    const { results } = await client.multiSearch({ queries: inputs.map((i) => this.toMeiliQuery(i)) })
    return results.map((r: any, n: number) => {
      const input = inputs[n]
      const facets: Record<string, SearchTypes.SearchFacetResult> = {}
      for (const f of input.search_options?.facets ?? []) {
        const field = typeof f === "string" ? f : f.field
        const type = typeof f === "string" ? "value" : (f.type ?? "value")
        const dist = r.facetDistribution?.[field] ?? {}
        const stats = r.facetStats?.[field]
        if (type === "stats")
          facets[field] = {
            type: "stats",
            min: stats?.min ?? 0,
            max: stats?.max ?? 0,
            count: r.estimatedTotalHits ?? r.totalHits ?? 0,
          }
        else
          facets[field] = {
            type: "value",
            values: Object.entries(dist)
              .map(([value, count]) => ({ value, count: Number(count) }))
              .sort((a, b) => b.count - a.count),
          }
      }
      return {
        hits: r.hits.map((h: any) => ({
          id: String(h.id),
          score: h._rankingScore,
          document: Object.fromEntries(Object.entries(h).filter(([k]) => !k.startsWith("_"))),
          highlights: h._formatted
            ? Object.fromEntries(
                Object.entries(h._formatted)
                  .filter(([, v]) => typeof v === "string")
                  .map(([k, v]) => [k, [v as string]])
              )
            : undefined,
        })),
        facets: Object.keys(facets).length ? facets : undefined,
        metadata: {
          skip: r.offset ?? 0,
          take: r.limit ?? 20,
          count: r.estimatedTotalHits ?? r.totalHits ?? null,
          query: input.q,
          processing_time_ms: r.processingTimeMs,
        },
      }
    })
  }
}

export default OcopMeilisearchService
