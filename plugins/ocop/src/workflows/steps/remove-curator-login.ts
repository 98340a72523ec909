import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export type RemoveCuratorLoginInput = {
  trade_center_id: string
  auth_identity_id: string
  /** The curator asking: a centre cannot remove the login it is using (it would lock itself out). */
  requested_by_auth_identity_id?: string | null
}

/**
 * Takes a login off a trade centre: its auth identity no longer names the centre, so it can neither
 * log in as a curator nor use a token it still holds (ensureCuratorAccount checks the identity).
 * Another centre's login is "not found". Compensation gives the centre back.
 */
export const removeCuratorLoginStep = createStep(
  "ocop-remove-curator-login",
  async (input: RemoveCuratorLoginInput, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const [identity] = await auth.listAuthIdentities({ id: [input.auth_identity_id] }, { take: 1 })
    const metadata = (identity?.app_metadata ?? {}) as Record<string, unknown>
    if (!identity || metadata.curator_id !== input.trade_center_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Curator login ${input.auth_identity_id} was not found.`)
    }
    if (input.auth_identity_id === input.requested_by_auth_identity_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "You cannot remove the login you are using; ask another curator of your centre."
      )
    }
    // Set to null, not left out: the auth module merges app_metadata on update.
    await auth.updateAuthIdentities({ id: identity.id, app_metadata: { ...metadata, curator_id: null } })
    return new StepResponse({ auth_identity_id: identity.id }, { id: identity.id, app_metadata: metadata })
  },
  async (before, { container }) => {
    if (before) await container.resolve(Modules.AUTH).updateAuthIdentities(before)
  }
)
