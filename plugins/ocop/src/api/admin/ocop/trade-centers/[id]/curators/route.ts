import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createCuratorLoginWorkflow } from "../../../../../../workflows/trade-center/create-trade-center"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await createCuratorLoginWorkflow(req.scope).run({
    input: { ...(req as any).validatedBody, trade_center_id: req.params.id },
  })
  res.status(201).json({ curator: result })
}
