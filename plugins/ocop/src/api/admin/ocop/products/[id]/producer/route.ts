import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { attachProductToProducerWorkflow } from "../../../../../../workflows/producer/attach-product-to-producer"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await attachProductToProducerWorkflow(req.scope).run({
    input: {
      product_id: req.params.id,
      producer_id: (req as any).validatedBody.producer_id,
      actor_type: "user",
      actor_id: req.auth_context?.actor_id,
    },
  })
  res.json({ product_id: req.params.id, producer_id: (req as any).validatedBody.producer_id })
}
