import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { recordCashCollectionWorkflow } from "../../../../../workflows/settlement/record-cash-collection"
import type { VendorRecordCashCollection } from "../../../../settlement/validators"
import { markReplay } from "../../../../utils/idempotency"
import { producerIdOf } from "../../../../utils/ownership"

/** The producer records the cash it (or its carrier) collected on delivery for its part of the order. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof VendorRecordCashCollection>>,
  res: MedusaResponse
) {
  const { result } = await recordCashCollectionWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      producer_id: producerIdOf(req),
      amount: req.validatedBody.amount,
      collected_by: "producer",
      collected_at: req.validatedBody.collected_at ?? null,
      actor_type: "producer",
      actor_id: producerIdOf(req),
    },
  })
  markReplay(res, result.replayed)
  res.status(result.replayed ? 200 : 201).json({ cash_collection: { id: result.id }, replayed: result.replayed })
}
