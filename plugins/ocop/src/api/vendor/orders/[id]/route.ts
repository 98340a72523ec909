import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { producerIdOf, productIdsOfProducer } from "../../../utils/ownership"
import { ORDER_FIELDS, type OrderRecord, producerPartOfOrder } from "../producer-part-of-order"
import { withCashCollections } from "../../../utils/statements"
import { recordById } from "../../../utils/record-by-id"

// ensureProducerInOrder (middlewares.ts) has checked the order involves this producer.
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const order = await recordById<OrderRecord>(req.scope, "order", req.params.id, ORDER_FIELDS)
  const own = new Set(await productIdsOfProducer(req.scope, producerIdOf(req)))
  const [part] = await withCashCollections(req.scope, producerIdOf(req), [
    producerPartOfOrder(order as OrderRecord, own, producerIdOf(req)),
  ])
  res.json({ order: part })
}
