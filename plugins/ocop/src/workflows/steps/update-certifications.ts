import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"

const RESTORABLE = [
  "status",
  "valid_from",
  "expires_at",
  "reason",
  "decided_by",
  "decided_at",
  "is_current",
  "expiry_warning_sent_at",
  "stars",
  "score",
  "decision_number",
  "decision_date",
  "issuing_authority",
] as const

/** Updates certifications; compensation restores every field it may have touched. */
export const updateCertificationsStep = createStep(
  "ocop-update-certifications",
  async (updates: Array<{ id: string } & Record<string, unknown>>, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    if (!updates.length) return new StepResponse([] as any[], [] as any[])
    const before: any[] = await ocop.listCertifications({ id: updates.map((u) => u.id) })
    const updated: any[] = await (ocop as any).updateCertifications(updates)
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (!before?.length) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.updateCertifications(
      before.map((c: any) => {
        const restore: Record<string, unknown> = { id: c.id }
        for (const key of RESTORABLE) restore[key] = c[key]
        return restore
      }) as any
    )
  }
)
