import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { getProvinceByCode } from "../../lib/provinces"
import { recordAuditEventsStep } from "../steps/record-audit-events"

type Input = {
  name: string
  province_code: string
  email?: string | null
  phone?: string | null
  address?: string | null
}

const createTradeCenterStep = createStep(
  "ocop-create-trade-center",
  async (input: Input, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    if (!getProvinceByCode(input.province_code))
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown province code "${input.province_code}".`)
    const existing = await ocop.listTradeCenters({ province_code: input.province_code }, { take: 1 })
    if (existing.length)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This province already has a trade-promotion centre.")
    const created = await ocop.createTradeCenters(input as any)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) await (container.resolve(OCOP_MODULE) as OcopModuleService).deleteTradeCenters(id)
  }
)

/** A provincial trade-promotion centre (curators act only in its province). */
export const createTradeCenterWorkflow = createWorkflow("ocop-create-trade-center", (input: Input) => {
  const center = createTradeCenterStep(input)
  const audit = transform({ center }, ({ center }) => [
    {
      entity_type: "trade_center" as const,
      entity_id: (center as any).id,
      action: "create",
      data: { province_code: (center as any).province_code },
    },
  ])
  recordAuditEventsStep(audit)
  return new WorkflowResponse(center)
})

const createCuratorLoginStep = createStep(
  "ocop-create-curator-login",
  async (input: { trade_center_id: string; email: string; password: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const [center] = await ocop.listTradeCenters({ id: input.trade_center_id }, { take: 1 })
    if (!center)
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Trade centre ${input.trade_center_id} was not found.`)
    const { success, authIdentity, error } = await auth.register("emailpass", {
      body: { email: input.email, password: input.password },
    } as any)
    if (!success || !authIdentity)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, error ?? "Could not create the curator login.")
    await auth.updateAuthIdentities({
      id: authIdentity.id,
      app_metadata: { ...(authIdentity.app_metadata ?? {}), curator_id: center.id },
    })
    return new StepResponse({ auth_identity_id: authIdentity.id, email: input.email }, authIdentity.id)
  },
  async (authIdentityId, { container }) => {
    if (authIdentityId) await container.resolve(Modules.AUTH).deleteAuthIdentities([authIdentityId])
  }
)

/** Gives a person a curator login for one trade centre (auth actor "curator", curator_id = the centre). */
export const createCuratorLoginWorkflow = createWorkflow(
  "ocop-create-curator-login",
  (input: { trade_center_id: string; email: string; password: string }) => {
    const login = createCuratorLoginStep(input)
    const audit = transform({ input }, ({ input }) => [
      {
        entity_type: "trade_center" as const,
        entity_id: input.trade_center_id,
        action: "add_curator",
        data: { email: input.email },
      },
    ])
    recordAuditEventsStep(audit)
    return new WorkflowResponse(login)
  }
)
