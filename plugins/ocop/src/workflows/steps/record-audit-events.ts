import { createStep, StepResponse, transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { type AuditActor, type AuditEventInput, auditEvent } from "../../lib/audit"

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

/** What a workflow's transform sees of these values: each step's output as it is at run time. */
type Resolved<T> = { [K in keyof T]: T[K] extends WorkflowData<infer U> ? U : T[K] }

/**
 * In a workflow: records the audit event made from these values, by the actor the workflow's input
 * names (no event when `event` gives null, e.g. for a replayed request).
 */
export function recordAuditEventOfInput<T extends { input: AuditActor }>(
  values: T,
  event: (values: Resolved<T>) => AuditEventInput | null
) {
  const events = transform(values, (resolved) => {
    const plain = resolved as Resolved<T>
    const made = event(plain)
    return made ? [auditEvent(made, plain.input as AuditActor)] : []
  })
  return recordAuditEventsStep(events)
}
