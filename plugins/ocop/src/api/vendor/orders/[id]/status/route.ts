import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { changeOrderPartStatusWorkflow } from "../../../../../workflows/order/change-order-part-status"
import { producerIdOf } from "../../../../utils/ownership"
import type { VendorChangeOrderPartStatus } from "../../../validators"

/** The producer records that its shipped part was delivered or returned (lib/order-parts.ts). */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof VendorChangeOrderPartStatus>>,
  res: MedusaResponse
) {
  const { result } = await changeOrderPartStatusWorkflow(req.scope).run({
    input: { order_id: req.params.id, producer_id: producerIdOf(req), action: req.validatedBody.action },
  })
  res.json({ part_status: result.status })
}
