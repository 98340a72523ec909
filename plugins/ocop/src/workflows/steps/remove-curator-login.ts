import { createRemoveOrganisationLoginStep, type OrganisationLoginRemoval } from "./remove-organisation-login"

/** Which trade centre, and which of its curator logins to remove. */
export type RemoveCuratorLoginInput = OrganisationLoginRemoval & { trade_center_id: string }

/**
 * Takes a login off a trade centre: its auth identity no longer names the centre, so it can neither
 * log in as a curator nor use a token it still holds (ensureCuratorAccount checks the identity).
 * Another centre's login is "not found". Compensation gives the centre back.
 */
export const removeCuratorLoginStep = createRemoveOrganisationLoginStep<RemoveCuratorLoginInput>(
  "ocop-remove-curator-login",
  {
    belongsTo: (metadata, input) => metadata.curator_id === input.trade_center_id,
    notFoundMessage: (input) => `Curator login ${input.auth_identity_id} was not found.`,
    selfRemovalMessage: "You cannot remove the login you are using; ask another curator of your centre.",
    organisationKeys: ["curator_id"],
  }
)
