/**
 * Turns an index definition into a table plan: one typed column per filterable, sortable
 * or facetable top-level field, plus the text columns the Vietnamese matcher needs.
 * Pure, so the SQL it leads to can be unit-tested without a database.
 */
import type { SearchTypes } from "@medusajs/framework/types"

export type ColumnKind = "text" | "bigint" | "double precision" | "boolean" | "timestamptz"
export type PlannedColumn = { field: string; column: string; kind: ColumnKind; array: boolean }
export type SearchableField = { field: string; weight: "A" | "B" | "C" | "D"; accent: boolean }
export type TablePlan = {
  table: string
  columns: Map<string, PlannedColumn>
  searchable: SearchableField[]
  primary_key: string
  hash: string
  /** The index's field definitions (facetable, sortable, …). */
  fields?: SearchTypes.SearchIndexDefinition["fields"]
}

const KIND: Record<string, ColumnKind | undefined> = {
  keyword: "text",
  integer: "bigint",
  float: "double precision",
  boolean: "boolean",
  date: "timestamptz",
}

export function tableNameFor(physicalName: string): string {
  return ("ocop_search_" + physicalName.toLowerCase().replace(/[^a-z0-9_]+/g, "_")).slice(0, 60)
}

export function columnNameFor(field: string): string {
  return "f_" + field.toLowerCase().replace(/[^a-z0-9_]+/g, "_")
}

export function weightLabel(searchable: SearchTypes.SearchFieldDefinition["searchable"]): "A" | "B" | "C" | "D" {
  const weight = typeof searchable === "object" && searchable ? (searchable.weight ?? 1) : 1
  return weight >= 3 ? "A" : weight >= 2 ? "B" : weight >= 1 ? "C" : "D"
}

function hashString(text: string): string {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return (h >>> 0).toString(16)
}

export function buildTablePlan(
  physicalName: string,
  definition: Pick<SearchTypes.SearchIndexDefinition, "fields" | "primary_key">
): TablePlan {
  const columns = new Map<string, PlannedColumn>()
  const searchable: SearchableField[] = []
  for (const [field, def] of Object.entries(definition.fields)) {
    if (def.searchable && (def.type === "text" || def.type === "keyword")) {
      const weight = weightLabel(def.searchable)
      searchable.push({ field, weight, accent: weight === "A" || weight === "B" })
    }
    const kind = KIND[def.type]
    if (kind && (def.filterable || def.sortable || def.facetable)) {
      columns.set(field, { field, column: columnNameFor(field), kind, array: !!def.array })
    }
  }
  const table = tableNameFor(physicalName)
  const hash = hashString(JSON.stringify({ c: [...columns.values()], s: searchable }))
  return { table, columns, searchable, primary_key: definition.primary_key ?? "id", hash, fields: definition.fields }
}

/**
 * Moves the documents of a table created before the split (a "document" column in the match
 * table) into "<table>_doc", idempotent and safe when two processes race; the caller compacts
 * the match table afterwards (VACUUM FULL cannot run inside this block).
 */
export function splitDocumentsSql(plan: TablePlan): string {
  const t = plan.table
  const has = `EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${t}' AND column_name = 'document')`
  return `DO $$ BEGIN
    IF ${has} THEN
      LOCK TABLE "${t}" IN ACCESS EXCLUSIVE MODE;
      IF ${has} THEN
        INSERT INTO "${t}_doc" ("id", "document") SELECT "id", "document" FROM "${t}"
          ON CONFLICT ("id") DO UPDATE SET "document" = EXCLUDED."document";
        ALTER TABLE "${t}" DROP COLUMN "document";
      END IF;
    END IF;
  END $$`
}

/** The change log every write appends to (./memory-index follows it in every process). */
export function changeLogSql(plan: TablePlan): string {
  return `CREATE TABLE IF NOT EXISTS "${plan.table}_chg" ("seq" bigserial PRIMARY KEY, "id" text NOT NULL,
    "at" timestamptz NOT NULL DEFAULT now())`
}

export function createTableSql(plan: TablePlan): string[] {
  const cols = [...plan.columns.values()].map((c) => `"${c.column}" ${c.kind}${c.array ? "[]" : ""}`)
  const t = plan.table
  const stmts = [
    `CREATE TABLE IF NOT EXISTS "${t}" (
      "id" text PRIMARY KEY,
      "tsv" tsvector NOT NULL DEFAULT ''::tsvector,
      "accent" text NOT NULL DEFAULT '',
      ${cols.length ? cols.join(",\n      ") + "," : ""}
      "updated_at" timestamptz NOT NULL DEFAULT now()
    )`,
    // the stored documents live in their own table: the match table stays narrow (~0.7 kB a
    // row instead of ~1.7 kB), so ranking a broad text match reads a fraction of the pages
    `CREATE TABLE IF NOT EXISTS "${t}_doc" ("id" text PRIMARY KEY, "document" jsonb NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS "${t}_tsv" ON "${t}" USING GIN ("tsv")`,
    `CREATE SEQUENCE IF NOT EXISTS "${t}_ver"`,
    changeLogSql(plan),
    `CREATE TABLE IF NOT EXISTS "${t}_lex" ("term" text PRIMARY KEY)`,
    `CREATE INDEX IF NOT EXISTS "${t}_lex_trgm" ON "${t}_lex" USING GIN ("term" gin_trgm_ops)`,
  ]
  for (const c of plan.columns.values()) {
    stmts.push(
      c.array
        ? `CREATE INDEX IF NOT EXISTS "${t}_${c.column}" ON "${t}" USING GIN ("${c.column}")`
        : `CREATE INDEX IF NOT EXISTS "${t}_${c.column}" ON "${t}" ("${c.column}")`
    )
  }
  // Covering index: a match set without free text (filters and facets only) is read by an
  // index-only scan of ~100 bytes a row instead of the ~1.7 kB heap rows, and its default
  // order (stars, newest) comes straight off the key.
  const scalar = [...plan.columns.values()].filter((c) => !c.array)
  const key = ["stars", "created_at"].map((f) => plan.columns.get(f)).filter((c): c is PlannedColumn => !!c && !c.array)
  if (scalar.length) {
    // same direction as the default browse order ("stars" DESC NULLS LAST, "created_at" DESC NULLS LAST)
    const keyCols = key.length ? key.map((c) => `"${c.column}" DESC NULLS LAST`) : [`"id"`]
    const include = ["id", ...scalar.filter((c) => !key.includes(c)).map((c) => c.column)].filter(
      (c) => !(key.length === 0 && c === "id")
    )
    stmts.push(
      `CREATE INDEX IF NOT EXISTS "${t}_cover" ON "${t}" (${keyCols.join(", ")}) INCLUDE (${include.map((c) => `"${c}"`).join(", ")})`
    )
  }
  return stmts
}
