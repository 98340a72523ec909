import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { sendStatementCsv } from "../../../../../settlement/send-statement"
import type { StatementQuery } from "../../../../../settlement/validators"
import { namedProducerStatement } from "../../../../../utils/statements"

export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof StatementQuery>>,
  res: MedusaResponse
) {
  const statement = await namedProducerStatement(req, res)
  if (statement) sendStatementCsv(res, statement)
}
