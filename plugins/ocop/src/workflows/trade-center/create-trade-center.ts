import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordAuditEventsStep } from "../steps/record-audit-events"
import { createTradeCenterStep, type CreateTradeCenterInput } from "../steps/create-trade-center"
import { createCuratorLoginStep } from "../steps/create-curator-login"
import { auditEvent } from "../../lib/audit"

export type { CreateTradeCenterInput } from "../steps/create-trade-center"

/** A provincial trade-promotion centre (curators act only in its province). */
export const createTradeCenterWorkflow = createWorkflow("ocop-create-trade-center", (input: CreateTradeCenterInput) => {
  const center = createTradeCenterStep(input)
  const audit = transform({ center }, ({ center }) => [
    auditEvent({
      entity_type: "trade_center",
      entity_id: (center as any).id,
      action: "create",
      data: { province_code: (center as any).province_code },
    }),
  ])
  recordAuditEventsStep(audit)
  return new WorkflowResponse(center)
})

/** Gives a person a curator login for one trade centre (auth actor "curator", curator_id = the centre). */
export const createCuratorLoginWorkflow = createWorkflow(
  "ocop-create-curator-login",
  (input: { trade_center_id: string; email: string; password: string }) => {
    const login = createCuratorLoginStep(input)
    const audit = transform({ input }, ({ input }) => [
      auditEvent({
        entity_type: "trade_center",
        entity_id: input.trade_center_id,
        action: "add_curator",
        data: { email: input.email },
      }),
    ])
    recordAuditEventsStep(audit)
    return new WorkflowResponse(login)
  }
)
