/**
 * A trade centre's figures from its province's certifications: one pure function, so the route
 * stays thin and the counting is tested without a database.
 */
export type FigureCertification = {
  status: string
  stars: number
  group_slug: string
  is_current?: boolean | null
  created_at?: Date | string | null
  valid_from?: Date | string | null
  expires_at?: Date | string | null
}

export type ProvinceFigures = {
  /** Current approved certificates (the ones that list products). */
  approved: number
  pending: number
  /** Approved, and the expiry date falls within the next 30 days. */
  expiring_30_days: number
  /** Marked expired, or approved with a date already past (the daily job has not run yet). */
  expired: number
  by_status: Record<string, number>
  by_stars: Record<string, number>
  by_group: Record<string, number>
  /** Last 12 months (yyyy-mm, Vietnam time): submissions received, certificates whose validity began. */
  by_month: Array<{ month: string; submitted: number; approved: number }>
}

const DAY = 24 * 3600 * 1000
const VN_OFFSET = 7 * 3600 * 1000

const monthOf = (d: Date) => new Date(d.getTime() + VN_OFFSET).toISOString().slice(0, 7)

export function provinceFigures(certs: FigureCertification[], now = new Date()): ProvinceFigures {
  const figures: ProvinceFigures = {
    approved: 0,
    pending: 0,
    expiring_30_days: 0,
    expired: 0,
    by_status: { submitted: 0, approved: 0, rejected: 0, expired: 0, revoked: 0, suspended: 0 },
    by_stars: { "3": 0, "4": 0, "5": 0 },
    by_group: {},
    by_month: [],
  }
  const months: string[] = []
  const cursor = new Date(now.getTime() + VN_OFFSET)
  for (let i = 11; i >= 0; i--) {
    const d = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() - i, 1))
    months.push(d.toISOString().slice(0, 7))
  }
  const byMonth = new Map(months.map((m) => [m, { month: m, submitted: 0, approved: 0 }]))

  for (const c of certs) {
    figures.by_status[c.status] = (figures.by_status[c.status] ?? 0) + 1
    const expires = c.expires_at ? new Date(c.expires_at) : null
    if (c.status === "submitted") figures.pending++
    const lapsed = c.status === "approved" && expires !== null && expires <= now
    if (c.status === "expired" || lapsed) figures.expired++
    if (c.status === "approved" && c.is_current !== false && !lapsed) {
      figures.approved++
      figures.by_stars[String(c.stars)] = (figures.by_stars[String(c.stars)] ?? 0) + 1
      figures.by_group[c.group_slug] = (figures.by_group[c.group_slug] ?? 0) + 1
      if (expires && expires.getTime() - now.getTime() <= 30 * DAY) figures.expiring_30_days++
    }
    const received = c.created_at ? byMonth.get(monthOf(new Date(c.created_at))) : undefined
    if (received) received.submitted++
    // An approval starts the validity: valid_from dates it, whatever happened to the record since.
    const validFrom = c.valid_from ? new Date(c.valid_from) : null
    const wasApproved = c.status !== "submitted" && c.status !== "rejected"
    const approvedIn = validFrom && wasApproved ? byMonth.get(monthOf(validFrom)) : undefined
    if (approvedIn) approvedIn.approved++
  }
  figures.by_month = months.map((m) => byMonth.get(m)!)
  return figures
}
