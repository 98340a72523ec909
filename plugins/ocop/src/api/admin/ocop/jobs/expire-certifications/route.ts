import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runExpiryExclusively } from "../../../../../workflows/certification/expire-certifications"

/** Runs the daily expiry now (operators, and tests that must not wait for midnight). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(await runExpiryExclusively(req.scope))
}
