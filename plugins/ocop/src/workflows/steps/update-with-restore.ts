import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"

type Row = { id: string } & Record<string, unknown>
type RowService = {
  list: (filters: { id: string[] }) => Promise<Row[]>
  update: (rows: Row[]) => Promise<Row[]>
}

/**
 * A step that updates rows of one OCOP model (by id); its compensation puts back every field in
 * `restorable` as it was before, so a failed workflow leaves the rows unchanged.
 */
export function createUpdateWithRestoreStep(
  name: string,
  model: "Certifications" | "Producers",
  restorable: readonly string[]
) {
  const rowsOf = (container: { resolve: (key: string) => unknown }): RowService => {
    const ocop = container.resolve(OCOP_MODULE) as Record<string, (arg: unknown) => Promise<Row[]>>
    return {
      list: (filters) => ocop[`list${model}`](filters),
      update: (rows) => ocop[`update${model}`](rows),
    }
  }
  return createStep(
    name,
    async (updates: Row[], { container }) => {
      if (!updates.length) return new StepResponse([] as Row[], [] as Row[])
      const rows = rowsOf(container)
      const before = await rows.list({ id: updates.map((u) => u.id) })
      const updated = await rows.update(updates)
      return new StepResponse(updated, before)
    },
    async (before, { container }) => {
      if (!before?.length) return
      await rowsOf(container).update(
        before.map((row) => {
          const restore: Row = { id: row.id }
          for (const key of restorable) restore[key] = row[key]
          return restore
        })
      )
    }
  )
}
