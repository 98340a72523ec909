/**
 * Pure translation of an index definition and of search filters into Meilisearch terms.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { synonymPhrases } from "../../lib/variants"

export const OCOP_MEILISEARCH_PROVIDER = "ocop-meilisearch"

export type MeiliSettings = {
  searchableAttributes: string[]
  filterableAttributes: string[]
  sortableAttributes: string[]
  displayedAttributes: string[]
  rankingRules: string[]
  typoTolerance: {
    enabled: boolean
    minWordSizeForTypos: { oneTypo: number; twoTypos: number }
    disableOnAttributes: string[]
  }
  faceting: { maxValuesPerFacet: number }
  pagination: { maxTotalHits: number }
  localizedAttributes?: { attributePatterns: string[]; locales: string[] }[]
  /** Spelling variants of ../../lib/variants ("cafe" → "ca phe"), one-way. */
  synonyms: Record<string, string[]>
}

function weightOf(def: SearchTypes.SearchFieldDefinition): number {
  return typeof def.searchable === "object" && def.searchable ? (def.searchable.weight ?? 1) : def.searchable ? 1 : -1
}

export function buildMeiliSettings(
  definition: Pick<SearchTypes.SearchIndexDefinition, "fields" | "settings">
): MeiliSettings {
  const entries = Object.entries(definition.fields)
  const searchable = entries
    .filter(([, d]) => d.searchable)
    .map(([field, d], order) => ({ field, weight: weightOf(d), order }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((s) => s.field)
  const typo = definition.settings?.typo_tolerance ?? {}
  return {
    searchableAttributes: searchable,
    filterableAttributes: entries.filter(([, d]) => d.filterable || d.facetable).map(([f]) => f),
    sortableAttributes: entries.filter(([, d]) => d.sortable).map(([f]) => f),
    displayedAttributes: entries.filter(([, d]) => d.retrievable !== false).map(([f]) => f),
    // "exactness" ahead of attribute order: accented queries rank exact-accent words first
    rankingRules: ["words", "typo", "proximity", "exactness", "attribute", "sort"],
    typoTolerance: {
      enabled: typo.enabled ?? true,
      minWordSizeForTypos: {
        oneTypo: typo.min_word_size_for_one_typo ?? 4,
        twoTypos: typo.min_word_size_for_two_typos ?? 8,
      },
      disableOnAttributes: typo.disabled_on_attributes ?? [],
    },
    synonyms: synonymPhrases(),
    faceting: { maxValuesPerFacet: 200 },
    pagination: { maxTotalHits: 10000 },
    localizedAttributes: [
      { attributePatterns: ["*_en"], locales: ["eng"] },
      {
        attributePatterns: [
          "title",
          "description",
          "producer_name",
          "province_name",
          "group_name",
          "subgroup_name",
          "former_province_names",
        ],
        locales: ["vie"],
      },
    ],
  }
}

function lit(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value)
  if (value instanceof Date) return String(value.getTime())
  return JSON.stringify(String(value))
}

/** Compiles search filters to a Meilisearch filter expression. */
export function toMeiliFilter(
  filters: Record<string, any> | undefined,
  dateFields: Set<string> = new Set()
): string | undefined {
  if (!filters) return undefined
  const parts: string[] = []
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || key === "q") continue
    if (key === "$and" || key === "$or") {
      const subs = (value as any[]).map((f) => toMeiliFilter(f, dateFields)).filter(Boolean)
      if (subs.length) parts.push(`(${subs.map((s) => `(${s})`).join(key === "$and" ? " AND " : " OR ")})`)
      continue
    }
    if (key === "$not") {
      const sub = toMeiliFilter(value, dateFields)
      if (sub) parts.push(`NOT (${sub})`)
      continue
    }
    const attr = key
    const conv = (v: unknown) => (dateFields.has(key) && v !== null ? lit(new Date(v as any).getTime()) : lit(v))
    if (value === null) {
      parts.push(`${attr} IS NULL`)
      continue
    }
    if (Array.isArray(value)) {
      parts.push(`${attr} IN [${value.map(conv).join(", ")}]`)
      continue
    }
    if (typeof value !== "object" || value instanceof Date) {
      parts.push(`${attr} = ${conv(value)}`)
      continue
    }
    for (const [op, operand] of Object.entries(value)) {
      switch (op) {
        case "$eq":
          parts.push(operand === null ? `${attr} IS NULL` : `${attr} = ${conv(operand)}`)
          break
        case "$ne":
          parts.push(operand === null ? `${attr} IS NOT NULL` : `${attr} != ${conv(operand)}`)
          break
        case "$in":
          parts.push(`${attr} IN [${(operand as unknown[]).map(conv).join(", ")}]`)
          break
        case "$nin":
          parts.push(`${attr} NOT IN [${(operand as unknown[]).map(conv).join(", ")}]`)
          break
        case "$gt":
          parts.push(`${attr} > ${conv(operand)}`)
          break
        case "$gte":
          parts.push(`${attr} >= ${conv(operand)}`)
          break
        case "$lt":
          parts.push(`${attr} < ${conv(operand)}`)
          break
        case "$lte":
          parts.push(`${attr} <= ${conv(operand)}`)
          break
        case "$exists":
          parts.push(operand ? `${attr} EXISTS` : `${attr} NOT EXISTS`)
          break
        default:
          throw new Error(`The ocop-meilisearch provider does not support "${op}" (field "${key}")`)
      }
    }
  }
  return parts.length ? parts.join(" AND ") : undefined
}

/** Dates become epoch milliseconds so they can be filtered and sorted numerically. */
export function toMeiliDocument(doc: Record<string, unknown>, dateFields: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...doc }
  for (const field of dateFields) {
    const v = out[field]
    if (v !== null && v !== undefined) out[field] = new Date(v as any).getTime()
  }
  return out
}

export function dateFieldsOf(fields: Record<string, SearchTypes.SearchFieldDefinition>): Set<string> {
  return new Set(
    Object.entries(fields)
      .filter(([, d]) => d.type === "date")
      .map(([f]) => f)
  )
}

export function toMeiliSort(order: Record<string, "ASC" | "DESC"> | undefined): string[] | undefined {
  if (!order) return undefined
  const sort = Object.entries(order)
    .filter(([field]) => field !== "_score")
    .map(([field, dir]) => `${field}:${dir === "ASC" ? "asc" : "desc"}`)
  return sort.length ? sort : undefined
}
