import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listProductGroups } from "../../../../lib/product-groups"

export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  res.setHeader("Cache-Control", "public, max-age=3600")
  res.json({ groups: listProductGroups() })
}
