/**
 * A producer's logins are Medusa auth identities whose app_metadata names the producer
 * (`producer_id`, read by Medusa for the "producer" actor). The login that signed the shop up (or
 * that an operator or the seed made) is its owner; a login invited by the shop carries
 * `producer_role: "member"`. Identities made before members existed have no role: they are owners.
 */
export type ProducerLoginMetadata = { producer_id?: unknown; producer_role?: unknown }

export const PRODUCER_MEMBER_ROLE = "member"

/** Whether this login acts for this producer (a removed member's identity no longer names it). */
export function actsForProducer(metadata: ProducerLoginMetadata | null | undefined, producerId: string) {
  return !!producerId && metadata?.producer_id === producerId
}

/** Whether this login is the shop's owner, whom no member can remove. */
export function isProducerOwner(metadata: ProducerLoginMetadata | null | undefined) {
  return metadata?.producer_role !== PRODUCER_MEMBER_ROLE
}
