/**
 * OCOP certificates are valid for 36 months from the date of the recognition decision, for 3★, 4★
 * and 5★ alike (QĐ 1048 and QĐ 148; ../shared/reference/stars-and-certification.md §5). A record
 * may say a shorter period, never a longer one (counted from the earlier of its start and its
 * decision date), and a decision cannot be dated in the future.
 */
export const DEFAULT_VALIDITY_MONTHS = 36
export const EXPIRY_WARNING_DAYS = 30
// A decision signed "today" in Vietnam (UTC+7) may still be "tomorrow" for a server clock in UTC.
const CLOCK_SKEW_MS = 24 * 3600 * 1000

type DateLike = Date | string | null | undefined

export function defaultExpiry(validFrom: Date): Date {
  const d = new Date(validFrom)
  const day = d.getUTCDate()
  d.setUTCMonth(d.getUTCMonth() + DEFAULT_VALIDITY_MONTHS)
  // 29 Feb + 36 months lands on 1 Mar; keep it in February like a calendar would.
  if (d.getUTCDate() !== day) d.setUTCDate(0)
  return d
}

export function isWithinValidity(cert: { valid_from?: DateLike; expires_at?: DateLike }, now: Date): boolean {
  if (!cert.valid_from || !cert.expires_at) return false
  return new Date(cert.valid_from) <= now && now < new Date(cert.expires_at)
}

const day = (d: Date) => d.toISOString().slice(0, 10)

/** Field → message for a validity window that breaks the rules (empty when it keeps them). */
export function validityWindowErrors(
  input: { valid_from?: DateLike; expires_at?: DateLike; decision_date?: DateLike },
  now = new Date()
): Record<string, string> {
  const errors: Record<string, string> = {}
  const validFrom = input.valid_from ? new Date(input.valid_from) : null
  const expiresAt = input.expires_at ? new Date(input.expires_at) : null
  const decisionDate = input.decision_date ? new Date(input.decision_date) : null
  if (decisionDate && decisionDate.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    errors.decision_date = "A recognition decision cannot be dated in the future."
  }
  // Validity runs from the decision: never longer than 36 months from the earlier of its start and
  // the decision date (a start set later than the decision does not stretch it).
  const start = earliest(validFrom, decisionDate)
  if (start && expiresAt) {
    if (validFrom && expiresAt <= validFrom) errors.expires_at = "expires_at must be after valid_from."
    else if (expiresAt <= start) errors.expires_at = "expires_at must be after the decision date."
    else if (expiresAt > defaultExpiry(start)) {
      errors.expires_at = `A certificate is valid for at most ${DEFAULT_VALIDITY_MONTHS} months from its recognition decision (here until ${day(defaultExpiry(start))}).`
    }
  }
  return errors
}

/** A stored window keeps the rules when it is at most 36 months long (what /store/ocop/verify vouches for). */
export function isWindowWithinRules(cert: { valid_from?: DateLike; expires_at?: DateLike }): boolean {
  if (!cert.valid_from || !cert.expires_at) return false
  const validFrom = new Date(cert.valid_from)
  const expiresAt = new Date(cert.expires_at)
  return expiresAt > validFrom && expiresAt <= defaultExpiry(validFrom)
}

/**
 * The validity a decision sets. What the decision says wins (its valid_from, else its decision
 * date, and its expires_at); otherwise an operator-recorded window is kept; otherwise validity runs
 * 36 months from the moment of the decision. A producer's own claims never set it.
 */
export function validityOnDecision(
  decision: { valid_from?: DateLike; expires_at?: DateLike; decision_date?: DateLike },
  recorded: { valid_from?: DateLike; expires_at?: DateLike } = {},
  now = new Date()
): { valid_from: Date; expires_at: Date } {
  const decided = decision.valid_from ?? decision.decision_date
  if (decided) {
    const validFrom = new Date(decided)
    const from = earliest(validFrom, decision.decision_date ? new Date(decision.decision_date) : null)!
    return {
      valid_from: validFrom,
      expires_at: decision.expires_at ? new Date(decision.expires_at) : defaultExpiry(from),
    }
  }
  if (recorded.valid_from) {
    const validFrom = new Date(recorded.valid_from)
    if (decision.expires_at) return { valid_from: validFrom, expires_at: new Date(decision.expires_at) }
    // A recorded end past the 36 months (written outside the API, before the rule) is cut back by the decision.
    const cap = defaultExpiry(validFrom)
    const recordedEnd = recorded.expires_at ? new Date(recorded.expires_at) : null
    return { valid_from: validFrom, expires_at: recordedEnd && recordedEnd < cap ? recordedEnd : cap }
  }
  return { valid_from: now, expires_at: decision.expires_at ? new Date(decision.expires_at) : defaultExpiry(now) }
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b
  if (!b) return a
  return a < b ? a : b
}
