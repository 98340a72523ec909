import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { inviteProducerMemberWorkflow } from "../../../workflows/producer/producer-members"
import { isProducerOwner, type ProducerLoginMetadata } from "../../../lib/producer-members"
import { producerIdOf } from "../../utils/ownership"

/** The logins of the producer's shop: email, owner or member, and which one is the caller's. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const auth = req.scope.resolve(Modules.AUTH)
  const identities = await auth.listAuthIdentities(
    { app_metadata: { producer_id: producerIdOf(req) } } as Record<string, unknown>,
    { relations: ["provider_identities"] }
  )
  res.json({
    members: identities.map((identity) => ({
      id: identity.id,
      email: identity.provider_identities?.find((p) => p.provider === "emailpass")?.entity_id ?? null,
      role: isProducerOwner(identity.app_metadata as ProducerLoginMetadata) ? "owner" : "member",
      is_you: identity.id === req.auth_context.auth_identity_id,
    })),
  })
}

/** A producer invites a second login to its shop (password rules as for any login). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = (req as unknown as { validatedBody: { email: string; password: string } }).validatedBody
  const producerId = producerIdOf(req)
  const { result } = await inviteProducerMemberWorkflow(req.scope).run({
    input: { ...body, producer_id: producerId, actor_type: "producer", actor_id: producerId },
  })
  res.status(201).json({ member: { id: result.auth_identity_id, email: result.email, role: "member", is_you: false } })
}
