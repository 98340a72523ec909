/**
 * What a producer sees first after logging in: work waiting (orders to ship), this month's sales,
 * listings not on sale and why, and certificates needing attention. Pure, so it is tested alone.
 */
import { EXPIRY_WARNING_DAYS } from "./validity"

type OrderPart = {
  id: string
  display_id?: number | null
  created_at: string | Date
  status?: string
  items: Array<{ id: string; quantity: number }>
  subtotal: number
  fulfilled_item_ids: string[]
}
type ProductRow = { id: string; title: string; status: string; listed: boolean; blocked_reasons: string[] }
type CertificationRow = {
  id: string
  product_id: string
  certificate_number: string
  stars: number
  status: string
  expires_at: string | Date | null
  reason?: string | null
  /** The record the listing gate reads for its product (older ones are history). */
  is_current?: boolean
}

const DAY = 24 * 3600 * 1000

export function producerDashboard(
  input: { orders: OrderPart[]; products: ProductRow[]; certifications: CertificationRow[] },
  now = new Date()
) {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
  const live = input.orders.filter((o) => o.status !== "canceled" && o.status !== "archived")
  const toShip = live.filter((o) => o.items.some((i) => !o.fulfilled_item_ids.includes(i.id)))
  const thisMonth = live.filter((o) => new Date(o.created_at) >= monthStart)
  const warnUntil = now.getTime() + EXPIRY_WARNING_DAYS * DAY
  const titles = new Map(input.products.map((p) => [p.id, p.title]))
  const cert = (c: CertificationRow) => ({
    id: c.id,
    product_id: c.product_id,
    product_title: titles.get(c.product_id) ?? null,
    certificate_number: c.certificate_number,
    stars: c.stars,
    status: c.status,
    expires_at: c.expires_at,
    reason: c.reason ?? null,
    days_left: c.expires_at ? Math.ceil((new Date(c.expires_at).getTime() - now.getTime()) / DAY) : null,
  })
  const current = input.certifications.filter((c) => c.is_current !== false)
  // Input is newest first: a rejection that a later submission answered is history, not a task.
  const seen = new Set<string>()
  const latestPerProduct = input.certifications.filter((c) => !seen.has(c.product_id) && seen.add(c.product_id))
  const expiresAt = (c: CertificationRow) => (c.expires_at ? new Date(c.expires_at).getTime() : null)
  return {
    orders_to_ship: toShip.map((o) => ({ id: o.id, display_id: o.display_id ?? null, created_at: o.created_at })),
    sales_this_month: {
      since: monthStart.toISOString(),
      orders: thisMonth.length,
      amount: thisMonth.reduce((sum, o) => sum + o.subtotal, 0),
    },
    not_on_sale: input.products
      .filter((p) => !p.listed)
      .map((p) => ({ id: p.id, title: p.title, status: p.status, reasons: p.blocked_reasons })),
    certifications: {
      pending: input.certifications.filter((c) => c.status === "submitted").map(cert),
      expiring: current
        .filter((c) => c.status === "approved" && (expiresAt(c) ?? 0) > now.getTime() && expiresAt(c)! <= warnUntil)
        .map(cert),
      expired: current
        .filter(
          (c) => c.status === "expired" || (c.status === "approved" && (expiresAt(c) ?? Infinity) <= now.getTime())
        )
        .map(cert),
      /** Decisions against the producer, with the curator's reason. */
      refused: latestPerProduct.filter((c) => ["rejected", "suspended", "revoked"].includes(c.status)).map(cert),
    },
  }
}
