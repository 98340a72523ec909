/**
 * SQL helpers of the OCOP Postgres provider, chiefly filter compilation. Filters address typed
 * columns; anything the provider cannot express exactly is rejected, never approximated.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { PlannedColumn, TablePlan } from "./plan"

/** The Search Module's database manager: runs one statement with `?` placeholders. */
export type Executor = { execute: (sql: string, params?: unknown[]) => Promise<any[]> }
export type Sql = { sql: string; params: unknown[] }
type Filters = Record<string, any>

const OPS = new Set(["$eq", "$ne", "$in", "$nin", "$gt", "$gte", "$lt", "$lte", "$exists"])

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

function castValue(col: PlannedColumn, value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (col.kind === "bigint" || col.kind === "double precision") {
    const n = typeof value === "number" ? value : Number(value)
    if (!Number.isFinite(n)) invalid(`Filter on "${col.field}" expects a number`)
    return n
  }
  if (col.kind === "boolean") return value === true || value === "true"
  return String(value)
}

function arrayType(col: PlannedColumn): string {
  return `${col.kind}[]`
}

function fieldPredicate(col: PlannedColumn, value: unknown): Sql {
  const c = `"${col.column}"`
  if (value === null) return { sql: `${c} IS NULL`, params: [] }
  if (Array.isArray(value)) return fieldPredicate(col, { $in: value })
  if (typeof value !== "object" || value instanceof Date) {
    return col.array
      ? { sql: `${c} @> ARRAY[?]::${arrayType(col)}`, params: [castValue(col, value)] }
      : { sql: `${c} = ?`, params: [castValue(col, value)] }
  }
  const parts: Sql[] = []
  for (const [op, operand] of Object.entries(value as Record<string, unknown>)) {
    if (!OPS.has(op)) invalid(`The ocop-postgres search provider does not support "${op}" (field "${col.field}")`)
    switch (op) {
      case "$eq":
        parts.push(fieldPredicate(col, operand))
        break
      case "$ne": {
        const inner = fieldPredicate(col, operand)
        parts.push({ sql: `NOT (${inner.sql})`, params: inner.params })
        break
      }
      case "$in":
      case "$nin": {
        const list = (Array.isArray(operand) ? operand : [operand]).map((v) => castValue(col, v))
        const sql = col.array
          ? `"${col.column}" && ?::${arrayType(col)}`
          : `"${col.column}" = ANY(?::${arrayType(col)})`
        parts.push({ sql: op === "$in" ? sql : `NOT (${sql})`, params: [pgArray(list)] })
        break
      }
      case "$exists":
        parts.push({ sql: `"${col.column}" IS ${operand ? "NOT " : ""}NULL`, params: [] })
        break
      default: {
        if (col.array) invalid(`Range operators are not supported on array field "${col.field}"`)
        const sym = { $gt: ">", $gte: ">=", $lt: "<", $lte: "<=" }[op as "$gt"]
        parts.push({ sql: `"${col.column}" ${sym} ?`, params: [castValue(col, operand)] })
      }
    }
  }
  if (!parts.length) return { sql: "TRUE", params: [] }
  return { sql: parts.map((p) => `(${p.sql})`).join(" AND "), params: parts.flatMap((p) => p.params) }
}

/** Compiles a whole filter object (AND of its entries) to SQL. */
export function compileFilters(filters: Filters | undefined, plan: TablePlan): Sql | undefined {
  if (!filters) return undefined
  const parts = compileFilterEntries(filters, plan).map((e) => e.where)
  if (!parts.length) return undefined
  return { sql: parts.map((p) => `(${p.sql})`).join(" AND "), params: parts.flatMap((p) => p.params) }
}

/**
 * Compiles each top-level entry separately, keyed by the field it constrains (undefined for
 * `$and`/`$or`/`$not`), so facets can leave out the filter on their own field.
 */
export function compileFilterEntries(filters: Filters, plan: TablePlan): { field?: string; where: Sql }[] {
  const out: { field?: string; where: Sql }[] = []
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || key === "q") continue
    if (key === "$and" || key === "$or") {
      const subs = (value as Filters[]).map((f) => compileFilters(f, plan) ?? { sql: "TRUE", params: [] })
      if (!subs.length) continue
      out.push({
        where: {
          sql: subs.map((s) => `(${s.sql})`).join(key === "$and" ? " AND " : " OR "),
          params: subs.flatMap((s) => s.params),
        },
      })
      continue
    }
    if (key === "$not") {
      const sub = compileFilters(value as Filters, plan)
      if (sub) out.push({ where: { sql: `NOT (${sub.sql})`, params: sub.params } })
      continue
    }
    const col = plan.columns.get(key)
    if (!col) invalid(`Field "${key}" is not filterable on this search index`)
    out.push({ field: key, where: fieldPredicate(col, value) })
  }
  return out
}

/** Only letters and digits reach a tsquery, so no operator can be injected. */
export function tsTerm(term: string): string {
  return term.replace(/[^\p{L}\p{N}]/gu, "")
}

/** A Postgres array literal, passed as one bound string (drivers expand JS arrays into lists). */
export function pgArray(values: unknown[]): string {
  return "{" + values.map((v) => '"' + String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"').join(",") + "}"
}

/** A json column as the driver hands it over: parsed already, or still a string. */
export function fromJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T
}
