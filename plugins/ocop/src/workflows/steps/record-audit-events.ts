import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import type { AuditEventInput } from "../../lib/audit"

export const recordAuditEventsStep = createStep(
  "ocop-record-audit-events",
  async (events: AuditEventInput[], { container }) => {
    if (!events.length) return new StepResponse([] as string[], [] as string[])
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const created: Array<{ id: string }> = await ocop.createAuditEvents(
      events.map((e) => ({ actor_type: "system", ...e })) as any[]
    )
    const ids = created.map((e) => e.id)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.deleteAuditEvents(ids)
  }
)
