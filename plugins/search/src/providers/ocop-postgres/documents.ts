/**
 * Writing documents. Each document becomes a match row (its text folded in JS per weight into a
 * 'simple' tsvector, its accent keys, its typed columns) and a stored-document row in
 * "<table>_doc", written by one statement; its folded words join the lexicon that typo
 * correction looks up.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { accentTerms, foldText } from "../../lib/text"
import type { TablePlan } from "./plan"
import { pgArray, type Sql } from "./sql"

export const UPSERT_CHUNK = 250
const WEIGHTS = ["A", "B", "C", "D"] as const

/** Folded text per weight and the accent keys (" key key ") of one document. */
export function projectDocument(document: Record<string, unknown>, plan: TablePlan) {
  const weights: Record<string, string[]> = { A: [], B: [], C: [], D: [] }
  const accent: string[] = []
  for (const s of plan.searchable) {
    const raw = document[s.field]
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string" && !!v)
    for (const value of values) {
      weights[s.weight].push(foldText(value))
      if (s.accent) accent.push(...accentTerms(value))
    }
  }
  return { weights, accent: accent.length ? ` ${[...new Set(accent)].join(" ")} ` : "" }
}

/** The statement that upserts one chunk of documents; adds their folded words to `lexicon`. */
export function upsertChunkSql(plan: TablePlan, documents: SearchTypes.SearchDocument[], lexicon: Set<string>): Sql {
  const columns = [...plan.columns.values()]
  const params: unknown[] = []
  const rows: string[] = []
  for (const doc of documents) {
    const projected = projectDocument(doc, plan)
    const tsvParts: string[] = []
    for (const w of WEIGHTS) {
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
    const tsv = tsvParts.length ? tsvParts.join(" || ") : `''::tsvector`
    rows.push(`(${[tsv, "?", "?::jsonb", "?", ...colSql].join(", ")})`)
  }
  const colNames = columns.map((c) => `, "${c.column}"`).join("")
  const updates = ["tsv", "accent", ...columns.map((c) => c.column)].map((c) => `"${c}" = EXCLUDED."${c}"`)
  // one statement writes the match row and the stored document
  const sql = `WITH v ("tsv", "id", "document", "accent"${colNames}) AS (VALUES ${rows.join(",\n")}),
         d AS (INSERT INTO "${plan.table}_doc" ("id", "document") SELECT "id", "document" FROM v
               ON CONFLICT ("id") DO UPDATE SET "document" = EXCLUDED."document")
         INSERT INTO "${plan.table}" ("tsv", "id", "accent"${colNames})
         SELECT "tsv", "id", "accent"${colNames} FROM v
         ON CONFLICT ("id") DO UPDATE SET ${updates.join(", ")}, "updated_at" = now()`
  return { sql, params }
}

export function lexiconInsertSql(plan: TablePlan, lexicon: Set<string>): Sql {
  return {
    sql: `INSERT INTO "${plan.table}_lex" ("term") SELECT unnest(?::text[]) ON CONFLICT DO NOTHING`,
    params: [pgArray([...lexicon])],
  }
}

/** The ids of a delete by primary key ({id: [..]}, {id: {$in: [..]}}, {id: {$eq: x}}, {id: x}); else undefined. */
export function idsToDelete(filters: Record<string, unknown> | undefined, plan: TablePlan): string[] | undefined {
  const keys = Object.keys(filters ?? {})
  if (keys.length !== 1 || (keys[0] !== plan.primary_key && keys[0] !== "id")) return undefined
  const raw = filters![keys[0]] as any
  const ids = Array.isArray(raw)
    ? raw
    : raw && typeof raw === "object" && Array.isArray(raw.$in)
      ? raw.$in
      : [raw?.$eq ?? raw]
  return ids.map(String)
}

/** Deletes match rows and their stored documents by id. */
export function deleteByIdsSql(plan: TablePlan, ids: string[]): Sql {
  return {
    sql: `WITH d AS (DELETE FROM "${plan.table}" WHERE "id" = ANY(?::text[]) RETURNING "id")
          DELETE FROM "${plan.table}_doc" WHERE "id" = ANY(?::text[])`,
    params: [pgArray(ids), pgArray(ids)],
  }
}

/** Deletes the match rows a filter selects and their stored documents. */
export function deleteWhereSql(plan: TablePlan, where: Sql): Sql {
  return {
    sql: `WITH d AS (DELETE FROM "${plan.table}" WHERE ${where.sql} RETURNING "id")
          DELETE FROM "${plan.table}_doc" WHERE "id" IN (SELECT "id" FROM d)`,
    params: where.params,
  }
}
