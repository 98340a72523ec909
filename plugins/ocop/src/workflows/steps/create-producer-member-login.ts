import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import { PRODUCER_MEMBER_ROLE } from "../../lib/producer-members"

export type CreateProducerMemberLoginInput = { producer_id: string; email: string; password: string }

/** A second login of a producer's shop (role "member"); compensation deletes the identity again. */
export const createProducerMemberLoginStep = createStep(
  "ocop-create-producer-member-login",
  async (input: CreateProducerMemberLoginInput, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const [producer] = await ocop.listProducers({ id: input.producer_id }, { take: 1 })
    if (!producer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer ${input.producer_id} was not found.`)
    const { success, authIdentity, error } = await auth.register("emailpass", {
      body: { email: input.email, password: input.password },
    } as unknown as Parameters<typeof auth.register>[1])
    if (!success || !authIdentity)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, error ?? "Could not create the login.")
    await auth.updateAuthIdentities({
      id: authIdentity.id,
      app_metadata: {
        ...(authIdentity.app_metadata ?? {}),
        producer_id: producer.id,
        producer_role: PRODUCER_MEMBER_ROLE,
      },
    })
    return new StepResponse({ auth_identity_id: authIdentity.id, email: input.email }, authIdentity.id)
  },
  async (authIdentityId, { container }) => {
    if (authIdentityId) await container.resolve(Modules.AUTH).deleteAuthIdentities([authIdentityId])
  }
)
