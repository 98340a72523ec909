import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateProducerWorkflow } from "../../../workflows/producer/update-producer"
import { producerIdOf } from "../../utils/ownership"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ producer: (req as any).producer })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await updateProducerWorkflow(req.scope).run({
    input: {
      producer_id: producerIdOf(req),
      update: (req as any).validatedBody,
      actor_type: "producer",
      actor_id: producerIdOf(req),
    },
  })
  res.json({ producer: result })
}
