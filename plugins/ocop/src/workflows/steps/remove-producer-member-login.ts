import { actsForProducer, isProducerOwner } from "../../lib/producer-members"
import { createRemoveOrganisationLoginStep, type OrganisationLoginRemoval } from "./remove-organisation-login"

/** Which shop, and which of its member logins to remove. */
export type RemoveProducerMemberLoginInput = OrganisationLoginRemoval & { producer_id: string }

/**
 * Takes a member's login off a shop: its identity no longer names the producer, so it can neither log
 * in as the producer nor use a token it still holds (ensureProducerAccount checks the identity).
 * Another producer's login is "not found"; the owner is never removed. Compensation gives it back.
 */
export const removeProducerMemberLoginStep = createRemoveOrganisationLoginStep<RemoveProducerMemberLoginInput>(
  "ocop-remove-producer-member-login",
  {
    belongsTo: (metadata, input) => actsForProducer(metadata, input.producer_id),
    notFoundMessage: (input) => `Login ${input.auth_identity_id} was not found.`,
    refusal: (metadata) =>
      isProducerOwner(metadata)
        ? "Không thể xoá tài khoản chủ gian hàng. (EN: The shop's owner cannot be removed.)"
        : null,
    selfRemovalMessage:
      "Bạn không thể tự xoá tài khoản đang dùng; hãy nhờ chủ gian hàng. " +
      "(EN: You cannot remove the login you are using; ask the shop's owner.)",
    organisationKeys: ["producer_id", "producer_role"],
  }
)
