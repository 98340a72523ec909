import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { platformSummary } from "../../../../lib/statements"
import type { StatementQuery } from "../../../settlement/validators"
import { monthOrCurrent, monthStatements } from "../../../utils/statements"

/** Every producer's totals of a month and the platform's (their sums), for payouts. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof StatementQuery>>,
  res: MedusaResponse
) {
  const month = monthOrCurrent(req.validatedQuery.month)
  const statements = await monthStatements(req.scope, month)
  res.json({ month, ...platformSummary(statements) })
}
