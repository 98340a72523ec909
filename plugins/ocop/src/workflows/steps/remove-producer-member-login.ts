import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { actsForProducer, isProducerOwner, type ProducerLoginMetadata } from "../../lib/producer-members"

export type RemoveProducerMemberLoginInput = {
  producer_id: string
  auth_identity_id: string
  /** The login asking: it cannot remove itself (ask the owner or another member). */
  requested_by_auth_identity_id?: string | null
}

/**
 * Takes a member's login off a shop: its identity no longer names the producer, so it can neither log
 * in as the producer nor use a token it still holds (ensureProducerAccount checks the identity).
 * Another producer's login is "not found"; the owner is never removed. Compensation gives it back.
 */
export const removeProducerMemberLoginStep = createStep(
  "ocop-remove-producer-member-login",
  async (input: RemoveProducerMemberLoginInput, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const [identity] = await auth.listAuthIdentities({ id: [input.auth_identity_id] }, { take: 1 })
    const metadata = (identity?.app_metadata ?? {}) as ProducerLoginMetadata & Record<string, unknown>
    if (!identity || !actsForProducer(metadata, input.producer_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Login ${input.auth_identity_id} was not found.`)
    }
    if (isProducerOwner(metadata)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Không thể xoá tài khoản chủ gian hàng. (EN: The shop's owner cannot be removed.)"
      )
    }
    if (input.auth_identity_id === input.requested_by_auth_identity_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Bạn không thể tự xoá tài khoản đang dùng; hãy nhờ chủ gian hàng. " +
          "(EN: You cannot remove the login you are using; ask the shop's owner.)"
      )
    }
    // Set to null, not left out: the auth module merges app_metadata on update.
    await auth.updateAuthIdentities({
      id: identity.id,
      app_metadata: { ...metadata, producer_id: null, producer_role: null },
    })
    return new StepResponse({ auth_identity_id: identity.id }, { id: identity.id, app_metadata: metadata })
  },
  async (before, { container }) => {
    if (before) await container.resolve(Modules.AUTH).updateAuthIdentities(before)
  }
)
