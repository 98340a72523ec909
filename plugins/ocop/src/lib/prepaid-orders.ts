import type { Sql } from "./listing-gate-database"
import { PREPAID_PROVIDER_IDS } from "./bank-transfer"

/** An order's payment by VietQR transfer or VNPay, as the payment tables hold it. */
export type PrepaidPayment = {
  payment_id: string
  provider_id: string
  order_id: string
  order_status: string
  /** Whole đồng. */
  amount: number
  reference: string
  captured: boolean
  canceled: boolean
  created_at: Date
}

const SELECT = `SELECT p.id AS payment_id, p.provider_id, opc.order_id, o.status AS order_status,
       p.amount::bigint AS amount, p.data->>'reference' AS reference,
       (p.captured_at IS NOT NULL) AS captured, (p.canceled_at IS NOT NULL) AS canceled, o.created_at
  FROM payment p
  JOIN order_payment_collection opc ON opc.payment_collection_id = p.payment_collection_id AND opc.deleted_at IS NULL
  JOIN "order" o ON o.id = opc.order_id
 WHERE p.deleted_at IS NULL AND p.provider_id IN (${PREPAID_PROVIDER_IDS.map(() => "?").join(", ")})`

const row = (r: Record<string, unknown>): PrepaidPayment => ({
  payment_id: String(r.payment_id),
  provider_id: String(r.provider_id),
  order_id: String(r.order_id),
  order_status: String(r.order_status),
  amount: Number(r.amount),
  reference: String(r.reference ?? ""),
  captured: r.captured === true,
  canceled: r.canceled === true,
  created_at: new Date(String(r.created_at)),
})

/** The order paid with this transfer reference (its payment session's reference, kept on the payment). */
export async function prepaidPaymentByReference(db: Pick<Sql, "raw">, reference: string) {
  const { rows } = await db.raw(`${SELECT} AND p.data->>'reference' = ? LIMIT 1`, [...PREPAID_PROVIDER_IDS, reference])
  return rows[0] ? row(rows[0]) : null
}

export async function prepaidPaymentOfOrder(db: Pick<Sql, "raw">, orderId: string) {
  const { rows } = await db.raw(`${SELECT} AND opc.order_id = ? ORDER BY p.created_at DESC LIMIT 1`, [
    ...PREPAID_PROVIDER_IDS,
    orderId,
  ])
  return rows[0] ? row(rows[0]) : null
}

/** Orders still waiting for their transfer or VNPay payment, placed before `placedBefore`. */
export async function unpaidPrepaidOrders(db: Pick<Sql, "raw">, placedBefore: Date, limit = 100) {
  const { rows } = await db.raw(
    `${SELECT} AND p.captured_at IS NULL AND p.canceled_at IS NULL AND o.status = 'pending'
        AND o.canceled_at IS NULL AND o.created_at < ? ORDER BY o.created_at LIMIT ?`,
    [...PREPAID_PROVIDER_IDS, placedBefore, limit]
  )
  return rows.map(row)
}
