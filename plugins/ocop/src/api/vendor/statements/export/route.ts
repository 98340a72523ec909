import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { sendStatementCsv } from "../../../settlement/send-statement"
import type { StatementQuery } from "../../../settlement/validators"
import { producerIdOf } from "../../../utils/ownership"
import { monthOrCurrent, monthStatements } from "../../../utils/statements"

/** The producer's statement of a month as CSV. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof StatementQuery>>,
  res: MedusaResponse
) {
  const [statement] = await monthStatements(req.scope, monthOrCurrent(req.validatedQuery.month), [producerIdOf(req)])
  sendStatementCsv(res, statement)
}
