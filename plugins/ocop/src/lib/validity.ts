/** OCOP certificates are valid for 36 months from the recognition decision unless the record says otherwise. */
export const DEFAULT_VALIDITY_MONTHS = 36
export const EXPIRY_WARNING_DAYS = 30

export function defaultExpiry(validFrom: Date): Date {
  const d = new Date(validFrom)
  const day = d.getUTCDate()
  d.setUTCMonth(d.getUTCMonth() + DEFAULT_VALIDITY_MONTHS)
  // 29 Feb + 36 months lands on 1 Mar; keep it in February like a calendar would.
  if (d.getUTCDate() !== day) d.setUTCDate(0)
  return d
}

export function isWithinValidity(
  cert: { valid_from?: Date | string | null; expires_at?: Date | string | null },
  now: Date
): boolean {
  if (!cert.valid_from || !cert.expires_at) return false
  return new Date(cert.valid_from) <= now && now < new Date(cert.expires_at)
}
