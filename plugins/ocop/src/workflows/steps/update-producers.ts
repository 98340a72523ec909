import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"

const RESTORABLE = [
  "status",
  "status_reason",
  "name",
  "ward",
  "address",
  "phone",
  "email",
  "story",
  "logo_url",
  "province_code",
  "entity_type",
] as const

export const updateProducersStep = createStep(
  "ocop-update-producers",
  async (updates: Array<{ id: string } & Record<string, unknown>>, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    if (!updates.length) return new StepResponse([] as any[], [] as any[])
    const before: any[] = await ocop.listProducers({ id: updates.map((u) => u.id) })
    const updated: any[] = await (ocop as any).updateProducers(updates)
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (!before?.length) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.updateProducers(
      before.map((p: any) => {
        const restore: Record<string, unknown> = { id: p.id }
        for (const key of RESTORABLE) restore[key] = p[key]
        return restore
      }) as any
    )
  }
)
