import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { recordPayoutWorkflow } from "../../../../workflows/settlement/record-payout"
import type { AdminRecordPayout } from "../../../settlement/validators"
import { markReplay } from "../../../utils/idempotency"

/** The operator records a transfer to a producer with its bank reference (the same reference again replays). */
export async function POST(req: AuthenticatedMedusaRequest<z.infer<typeof AdminRecordPayout>>, res: MedusaResponse) {
  const { result } = await recordPayoutWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context?.actor_id ?? null },
  })
  markReplay(res, result.replayed)
  res.status(result.replayed ? 200 : 201).json({ payout: { id: result.id }, replayed: result.replayed })
}
