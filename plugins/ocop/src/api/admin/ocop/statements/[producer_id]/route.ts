import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { StatementQuery } from "../../../../settlement/validators"
import { namedProducerStatement } from "../../../../utils/statements"

/** One producer's statement of a month, with its lines and payouts. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof StatementQuery>>,
  res: MedusaResponse
) {
  const statement = await namedProducerStatement(req, res)
  if (statement) res.json({ statement })
}
