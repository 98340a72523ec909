import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { registerProducerAccountWorkflow } from "../../../workflows/producer/register-producer-account"

/**
 * POST /producers/signup — after `POST /auth/producer/emailpass/register`, the new identity creates
 * its producer (pending until a trade centre or operator approves it). Log in again to act as it.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  if (req.auth_context.actor_id)
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "This login already belongs to a producer.")
  const { result } = await registerProducerAccountWorkflow(req.scope).run({
    input: { auth_identity_id: req.auth_context.auth_identity_id, producer: (req as any).validatedBody },
  })
  res.status(201).json({ producer: result })
}
