import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export type LoginMetadata = Record<string, unknown>

export type OrganisationLoginRemoval = {
  auth_identity_id: string
  /** The login asking: it cannot remove itself (it would lock itself out; ask a colleague). */
  requested_by_auth_identity_id?: string | null
}

/** What differs between a trade centre's curators and a producer's members; the removal is the same. */
export type OrganisationLoginRules<Input extends OrganisationLoginRemoval> = {
  /** Whether the login acts for the organisation of the request; any other login is "not found". */
  belongsTo: (metadata: LoginMetadata, input: Input) => boolean
  notFoundMessage: (input: Input) => string
  /** A reason this login may never be removed (a shop's owner), checked after "not found". */
  refusal?: (metadata: LoginMetadata) => string | null
  selfRemovalMessage: string
  /** The app_metadata keys that tie the login to the organisation. */
  organisationKeys: readonly string[]
}

/**
 * A step that takes a login off an organisation: its auth identity no longer names the organisation,
 * so it can neither log in for it nor use a token it still holds (the actor's account guard checks
 * the identity). Compensation gives the login back its metadata as it was.
 */
export function createRemoveOrganisationLoginStep<Input extends OrganisationLoginRemoval>(
  name: string,
  rules: OrganisationLoginRules<Input>
) {
  return createStep(
    name,
    async (input: Input, { container }) => {
      const auth = container.resolve(Modules.AUTH)
      const [identity] = await auth.listAuthIdentities({ id: [input.auth_identity_id] }, { take: 1 })
      const metadata = (identity?.app_metadata ?? {}) as LoginMetadata
      if (!identity || !rules.belongsTo(metadata, input)) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, rules.notFoundMessage(input))
      }
      const refusal = rules.refusal?.(metadata)
      if (refusal) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
      if (input.auth_identity_id === input.requested_by_auth_identity_id) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, rules.selfRemovalMessage)
      }
      // Set to null, not left out: the auth module merges app_metadata on update.
      const detached = Object.fromEntries(rules.organisationKeys.map((key) => [key, null]))
      await auth.updateAuthIdentities({ id: identity.id, app_metadata: { ...metadata, ...detached } })
      return new StepResponse({ auth_identity_id: identity.id }, { id: identity.id, app_metadata: metadata })
    },
    async (before, { container }) => {
      if (before) await container.resolve(Modules.AUTH).updateAuthIdentities(before)
    }
  )
}
