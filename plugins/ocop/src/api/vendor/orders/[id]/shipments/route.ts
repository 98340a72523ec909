import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { fulfilProducerPartWorkflow } from "../../../../../workflows/order/fulfil-producer-part"
import { producerIdOf } from "../../../../utils/ownership"
import { idempotencyKeyOf, markReplay } from "../../../../utils/idempotency"
import type { VendorShipOrderPart } from "../../../validators"

/** The producer hands its part of the order to a carrier, with the tracking number the shopper sees. */
export async function POST(req: AuthenticatedMedusaRequest<z.infer<typeof VendorShipOrderPart>>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await fulfilProducerPartWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      producer_id: producerIdOf(req),
      item_ids: body.item_ids,
      carrier: body.carrier,
      tracking_number: body.tracking_number,
      idempotency_key: idempotencyKeyOf(req),
    },
  })
  markReplay(res, result.replayed)
  res.status(201).json({ fulfillment: { id: result.fulfillment_id }, part_status: "shipped" })
}
