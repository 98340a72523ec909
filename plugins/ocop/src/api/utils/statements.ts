import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../modules/ocop"
import { SETTLEMENT_MODULE, type SettlementModuleService } from "../../modules/settlement"
import {
  monthOf,
  monthRange,
  producerStatement,
  type CollectedBy,
  type ProducerStatement,
  type StatementPart,
} from "../../lib/statements"
import { ORDER_FIELDS, producerPartOfOrder, type OrderRecord } from "../vendor/orders/producer-part-of-order"

/** The month asked for, or the current one in Vietnam time. */
export const monthOrCurrent = (month?: string) => month ?? monthOf(new Date())

type ProducerRow = { id: string; name: string; entity_type: string; products?: Array<{ id: string } | null> | null }

/**
 * The statements of a month: every producer whose products were in an order placed in it (or only
 * `producerIds`), built from the same producer part of each order the portal shows (lib/statements.ts
 * does the arithmetic). Reads the month's orders at once; a very large month would want paging here.
 */
export async function monthStatements(
  scope: MedusaContainer,
  month: string,
  producerIds?: string[]
): Promise<ProducerStatement[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const settlement = scope.resolve<SettlementModuleService>(SETTLEMENT_MODULE)
  const ocop = scope.resolve<OcopModuleService>(OCOP_MODULE)
  const { from, to } = monthRange(month)
  // A producer's statement reads its own orders only (through the order split's link).
  let orderIds: string[] | undefined
  if (producerIds) {
    const { data } = await query.graph({ entity: "producer", fields: ["orders.id"], filters: { id: producerIds } })
    const linked = data as unknown as Array<{ orders?: Array<{ id: string } | null> | null }>
    orderIds = linked.flatMap((p) => (p.orders ?? []).flatMap((o) => (o ? [o.id] : [])))
  }
  const inMonth = { created_at: { $gte: from, $lt: to } }
  const { data: orderRows } =
    orderIds && !orderIds.length
      ? { data: [] }
      : await query.graph({
          entity: "order",
          fields: ORDER_FIELDS,
          filters: (orderIds ? { ...inMonth, id: orderIds } : inMonth) as Record<string, unknown>,
        })
  const orders = orderRows as unknown as OrderRecord[]
  const involved = new Set(orders.flatMap((o) => (o.producers ?? []).flatMap((p) => (p ? [p.id] : []))))
  const ids = producerIds ?? [...involved]
  if (!ids.length) return []
  const [{ data: producerRows }, collections, payouts, rates] = await Promise.all([
    query.graph({ entity: "producer", fields: ["id", "name", "entity_type", "products.id"], filters: { id: ids } }),
    orders.length ? settlement.listCashCollections({ order_id: orders.map((o) => o.id) }) : Promise.resolve([]),
    settlement.listPayouts({ month, producer_id: ids }, { order: { paid_at: "ASC" } }),
    settlement.listCommissionRates({}),
  ])
  const producers = producerRows as unknown as ProducerRow[]
  const productIds = producers.flatMap((p) => (p.products ?? []).flatMap((x) => (x ? [x.id] : [])))
  const certifications = productIds.length
    ? await ocop.listCertifications({ product_id: productIds }, { select: ["product_id", "group_slug", "status"] })
    : []
  // A product's group is its certificate's; an approved certificate wins over other records of it.
  const groupOf = new Map<string, string>()
  for (const c of certifications)
    if (!groupOf.has(c.product_id) || c.status === "approved") groupOf.set(c.product_id, c.group_slug)
  const cash = new Map(collections.map((c) => [`${c.order_id}:${c.producer_id}`, c]))

  return producers
    .sort((a, b) => a.name.localeCompare(b.name, "vi"))
    .map((producer) => {
      const own = new Set((producer.products ?? []).flatMap((p) => (p ? [p.id] : [])))
      const parts: StatementPart[] = orders
        .filter((o) => (o.producers ?? []).some((p) => p?.id === producer.id))
        .map((o) => {
          const part = producerPartOfOrder(o, own, producer.id)
          const collected = cash.get(`${o.id}:${producer.id}`)
          return {
            order_id: o.id,
            display_id: part.display_id ?? null,
            placed_at: new Date(part.created_at).toISOString(),
            part_status: part.part_status,
            items: part.items.map((i) => ({
              product_group: groupOf.get(i.product_id) ?? null,
              amount: i.unit_price * i.quantity,
            })),
            shipping: part.shipping_total,
            cash_on_delivery: part.cash_on_delivery,
            collection: collected
              ? { amount: Number(collected.amount), collected_by: collected.collected_by as CollectedBy }
              : null,
          }
        })
        .filter((p) => p.items.length > 0)
      return producerStatement({
        month,
        producer: { id: producer.id, name: producer.name, entity_type: producer.entity_type },
        parts,
        commission_rates: rates.map((r) => ({
          product_group: r.product_group,
          rate_bps: r.rate_bps,
          effective_from: r.effective_from,
        })),
        payouts: payouts
          .filter((p) => p.producer_id === producer.id)
          .map((p) => ({ id: p.id, amount: Number(p.amount), bank_reference: p.bank_reference, paid_at: p.paid_at })),
      })
    })
}

/** Where a statement's CSV is sent: a file name that says whose and which month. */
export function statementFileName(statement: ProducerStatement) {
  const slug = statement.producer.id.replace(/[^A-Za-z0-9_-]/g, "")
  return `sao-ke-${statement.month}-${slug}.csv`
}

/** The cash recorded for each of these parts of the producer's orders (null: none yet), for the portal. */
export async function withCashCollections<T extends { id: string }>(
  scope: MedusaContainer,
  producerId: string,
  parts: T[]
): Promise<Array<T & { cash_collection: { amount: number; collected_by: string; collected_at: Date } | null }>> {
  if (!parts.length) return []
  const settlement = scope.resolve<SettlementModuleService>(SETTLEMENT_MODULE)
  const rows = await settlement.listCashCollections({ producer_id: producerId, order_id: parts.map((p) => p.id) })
  const byOrder = new Map(rows.map((r) => [r.order_id, r]))
  return parts.map((p) => {
    const r = byOrder.get(p.id)
    return {
      ...p,
      cash_collection: r
        ? { amount: Number(r.amount), collected_by: r.collected_by, collected_at: r.collected_at }
        : null,
    }
  })
}

/**
 * The statement of the producer a route names (`:producer_id`) for the month its query asks; null
 * once the route has answered 404 for a producer that does not exist.
 */
export async function namedProducerStatement(
  req: AuthenticatedMedusaRequest<unknown, { month?: string }>,
  res: MedusaResponse
): Promise<ProducerStatement | null> {
  const [statement] = await monthStatements(req.scope, monthOrCurrent(req.validatedQuery.month), [
    req.params.producer_id,
  ])
  if (!statement)
    res.status(404).json({ type: "not_found", message: `Producer ${req.params.producer_id} was not found.` })
  return statement ?? null
}
