/**
 * Allowed state changes for producers and certifications, with the words a user reads when a
 * change is refused. Workflows check these before writing anything.
 */
export type CertificationAction = "approve" | "reject" | "suspend" | "reinstate" | "revoke" | "expire"
export type ProducerAction = "approve" | "suspend" | "reactivate"

const CERTIFICATION_FROM: Record<CertificationAction, { from: string[]; to: string }> = {
  approve: { from: ["submitted"], to: "approved" },
  reject: { from: ["submitted"], to: "rejected" },
  suspend: { from: ["approved"], to: "suspended" },
  reinstate: { from: ["suspended"], to: "approved" },
  revoke: { from: ["approved", "suspended"], to: "revoked" },
  expire: { from: ["approved", "suspended"], to: "expired" },
}

export const CERTIFICATION_ACTIONS_NEEDING_REASON: CertificationAction[] = ["reject", "suspend", "revoke"]

/** The decisions a person may take (expiry is the daily job's, never a button). */
export const DECIDABLE_CERTIFICATION_ACTIONS = ["approve", "reject", "suspend", "reinstate", "revoke"] as const
export type DecidableCertificationAction = (typeof DECIDABLE_CERTIFICATION_ACTIONS)[number]

/**
 * What a curator or operator may decide on a certification in this state, from the same table the
 * workflows enforce: the portals show these buttons and no others.
 */
export function allowedCertificationActions(current: string): DecidableCertificationAction[] {
  return DECIDABLE_CERTIFICATION_ACTIONS.filter((action) => CERTIFICATION_FROM[action].from.includes(current))
}

const PRODUCER_FROM: Record<ProducerAction, { from: string[]; to: string }> = {
  approve: { from: ["pending"], to: "active" },
  suspend: { from: ["pending", "active"], to: "suspended" },
  reactivate: { from: ["suspended"], to: "active" },
}

export function certificationTransition(
  current: string,
  action: CertificationAction
): { to: string } | { error: string; allowedFrom: string[] } {
  const rule = CERTIFICATION_FROM[action]
  if (!rule.from.includes(current)) {
    return {
      error: `A certification that is "${current}" cannot be ${pastTense(action)} (only from: ${rule.from.join(", ")}).`,
      allowedFrom: rule.from,
    }
  }
  return { to: rule.to }
}

export function producerTransition(current: string, action: ProducerAction): { to: string } | { error: string } {
  const rule = PRODUCER_FROM[action]
  if (!rule.from.includes(current)) {
    return {
      error: `A producer that is "${current}" cannot be ${pastTense(action)} (only from: ${rule.from.join(", ")}).`,
    }
  }
  return { to: rule.to }
}

function pastTense(action: string) {
  const map: Record<string, string> = {
    approve: "approved",
    reject: "rejected",
    suspend: "suspended",
    reinstate: "reinstated",
    revoke: "revoked",
    expire: "expired",
    reactivate: "reactivated",
  }
  return map[action] ?? action
}
