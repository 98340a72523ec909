import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { expireCertificationsWorkflow } from "../../../../../workflows/certification/expire-certifications"

/** Runs the daily expiry now (operators, and tests that must not wait for midnight). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await expireCertificationsWorkflow(req.scope).run({ input: {} })
  res.json(result)
}
