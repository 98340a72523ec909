import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { producerIdOf, productIdsOfProducer } from "../../utils/ownership"
import { producerPartOfOrder, ORDER_FIELDS } from "./producer-part-of-order"
import { withCashCollections } from "../../utils/statements"

/** The producer's part of every order that contains its products — never other producers' lines. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "producer", fields: ["orders.id"], filters: { id: producerIdOf(req) } })
  const orderIds = ((data[0] as any)?.orders ?? []).filter(Boolean).map((o: any) => o.id)
  if (!orderIds.length) return res.json({ orders: [], count: 0 })
  const own = new Set(await productIdsOfProducer(req.scope, producerIdOf(req)))
  const { data: orders } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderIds } })
  const parts = orders
    .map((o: any) => producerPartOfOrder(o, own, producerIdOf(req)))
    .sort((a, b) => (a.created_at < b.created_at ? 1 : -1))
  res.json({ orders: await withCashCollections(req.scope, producerIdOf(req), parts), count: parts.length })
}
