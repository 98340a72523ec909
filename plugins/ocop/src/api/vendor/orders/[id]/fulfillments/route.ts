import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { producerIdOf, productIdsOfProducer } from "../../../../utils/ownership"
import { ORDER_FIELDS, producerPartOfOrder } from "../../part"

/** The producer ships its own lines of the order (all of them, or the ones it names). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: req.params.id } })
  const part = producerPartOfOrder(data[0], new Set(await productIdsOfProducer(req.scope, producerIdOf(req))))
  const requested: string[] | undefined = (req as any).validatedBody?.item_ids
  const items = part.items.filter((i) => !requested || requested.includes(i.id))
  if (requested && items.length !== requested.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Some of these items are not part of your share of this order.")
  }
  if (!items.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "There is nothing of yours to fulfil in this order.")
  const { result } = await createOrderFulfillmentWorkflow(req.scope).run({
    input: { order_id: req.params.id, items: items.map((i) => ({ id: i.id, quantity: i.quantity })), created_by: producerIdOf(req) },
  })
  res.status(201).json({ fulfillment: { id: result.id } })
}
