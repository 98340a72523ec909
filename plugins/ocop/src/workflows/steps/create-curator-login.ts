import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"

export const createCuratorLoginStep = createStep(
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
