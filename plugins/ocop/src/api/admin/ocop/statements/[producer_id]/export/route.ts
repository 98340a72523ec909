import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { sendStatementCsv } from "../../../../../settlement/send-statement"
import type { StatementQuery } from "../../../../../settlement/validators"
import { monthOrCurrent, monthStatements } from "../../../../../utils/statements"

export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof StatementQuery>>,
  res: MedusaResponse
) {
  const [statement] = await monthStatements(req.scope, monthOrCurrent(req.validatedQuery.month), [
    req.params.producer_id,
  ])
  if (!statement)
    return res.status(404).json({ type: "not_found", message: `Producer ${req.params.producer_id} was not found.` })
  sendStatementCsv(res, statement)
}
