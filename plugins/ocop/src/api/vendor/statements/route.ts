import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { StatementQuery } from "../../settlement/validators"
import { producerIdOf } from "../../utils/ownership"
import { monthOrCurrent, monthStatements } from "../../utils/statements"

/** The producer's own statement of a month (lib/statements.ts). */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof StatementQuery>>,
  res: MedusaResponse
) {
  const month = monthOrCurrent(req.validatedQuery.month)
  const [statement] = await monthStatements(req.scope, month, [producerIdOf(req)])
  res.setHeader("Cache-Control", "private, no-store")
  res.json({ statement })
}
