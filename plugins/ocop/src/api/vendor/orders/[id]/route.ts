import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { producerIdOf, productIdsOfProducer } from "../../../utils/ownership"
import { ORDER_FIELDS, producerPartOfOrder } from "../producer-part-of-order"
import { withCashCollections } from "../../../utils/statements"

// ensureProducerInOrder (middlewares.ts) has checked the order involves this producer.
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: req.params.id } })
  const own = new Set(await productIdsOfProducer(req.scope, producerIdOf(req)))
  const [order] = await withCashCollections(req.scope, producerIdOf(req), [
    producerPartOfOrder(data[0], own, producerIdOf(req)),
  ])
  res.json({ order })
}
