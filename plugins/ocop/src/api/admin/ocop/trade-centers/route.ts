import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { createTradeCenterWorkflow } from "../../../../workflows/trade-center/create-trade-center"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  res.json({ trade_centers: await ocop.listTradeCenters({}, { order: { province_code: "ASC" } }) })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await createTradeCenterWorkflow(req.scope).run({ input: (req as any).validatedBody })
  res.status(201).json({ trade_center: result })
}
