import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listProvinces } from "../../../../lib/provinces"

export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  res.json({ provinces: listProvinces() })
}
