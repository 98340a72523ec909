import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fulfilProducerPartWorkflow } from "../../../../../workflows/order/fulfil-producer-part"
import { producerIdOf } from "../../../../utils/ownership"
import { idempotencyKeyOf, markReplay } from "../../../../utils/idempotency"

/** The producer ships its own lines of the order (all of them, or the ones it names). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await fulfilProducerPartWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      producer_id: producerIdOf(req),
      item_ids: (req as any).validatedBody?.item_ids,
      idempotency_key: idempotencyKeyOf(req),
    },
  })
  markReplay(res, result.replayed)
  res.status(201).json({ fulfillment: { id: result.fulfillment_id } })
}
