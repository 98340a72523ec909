import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { attachProductToProducerWorkflow } from "../../../../../../workflows/producer/attach-product-to-producer"
import { operatorOf } from "../../../operator"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await attachProductToProducerWorkflow(req.scope).run({
    input: {
      product_id: req.params.id,
      producer_id: (req as any).validatedBody.producer_id,
      ...operatorOf(req),
    },
  })
  res.json({ product_id: req.params.id, producer_id: (req as any).validatedBody.producer_id })
}
