/**
 * Which searches the in-process index answers (./memory-search): the filters as tests on column
 * values and the order as keys, or undefined when only SQL answers exactly.
 */
import type { SearchTypes } from "@medusajs/framework/types"
import { cellTest, type CellTest } from "./facet-cube"
import { isValueFacet, type FacetRequest } from "./facets"
import { memoryColumns } from "./memory-index"
import type { TablePlan } from "./plan"

type Filters = Record<string, unknown> | undefined
export type MemoryOrderKey = { field: string | "_score"; desc: boolean }
export type MemorySearchPlan = {
  tests: { field: string; test: CellTest; disjunctive: boolean }[]
  order: MemoryOrderKey[]
}

export const isNumeric = (kind: string) => kind === "bigint" || kind === "double precision"

/**
 * The filters as tests on column values and the order as keys, or undefined when only SQL can
 * answer: a filter on an array or date column, $and/$or/$not, a range facet, a facet on an array
 * column, a sort on an array column.
 */
export function planMemorySearch(
  plan: TablePlan,
  filters: Filters,
  facets: FacetRequest[],
  disjunctive: Set<string>,
  order: Record<string, SearchTypes.SearchOrderBy> | undefined
): MemorySearchPlan | undefined {
  const held = new Set(memoryColumns(plan).map((c) => c.field))
  const tests: MemorySearchPlan["tests"] = []
  for (const [field, value] of Object.entries(filters ?? {})) {
    if (value === undefined || field === "q") continue
    const col = plan.columns.get(field)
    if (!col || !held.has(field) || col.kind === "timestamptz") return undefined
    const test = cellTest(value, isNumeric(col.kind))
    if (!test) return undefined
    tests.push({ field, test, disjunctive: disjunctive.has(field) })
  }
  for (const f of facets) {
    const col = plan.columns.get(f.field)
    if (!col || !held.has(f.field)) return undefined
    if (!isValueFacet(f) && !(f.type === "stats" && isNumeric(col.kind))) return undefined
  }
  const keys: MemoryOrderKey[] = []
  const entries = Object.entries(order ?? {})
  for (const [field, dir] of entries) {
    if (field !== "_score" && !held.has(field)) return undefined
    keys.push({ field, desc: dir !== "ASC" })
  }
  if (!entries.length) keys.push({ field: "_score", desc: true })
  return { tests, order: keys }
}
