import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { recordCashCollectionWorkflow } from "../../../../../../workflows/settlement/record-cash-collection"
import type { AdminRecordCashCollection } from "../../../../../settlement/validators"
import { markReplay } from "../../../../../utils/idempotency"
import { operatorOf } from "../../../operator"

/** The operator records cash collected on delivery for one producer's part, by the producer or the platform. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminRecordCashCollection>>,
  res: MedusaResponse
) {
  const body = req.validatedBody
  const { result } = await recordCashCollectionWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      producer_id: body.producer_id,
      amount: body.amount,
      collected_by: body.collected_by,
      collected_at: body.collected_at ?? null,
      ...operatorOf(req),
    },
  })
  markReplay(res, result.replayed)
  res.status(result.replayed ? 200 : 201).json({ cash_collection: { id: result.id }, replayed: result.replayed })
}
