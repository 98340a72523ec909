import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeProducerMemberWorkflow } from "../../../../workflows/producer/producer-members"
import { producerIdOf } from "../../../utils/ownership"

/** Removes a member's login from the shop; another shop's login is 404, the owner and one's own are refused. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const producerId = producerIdOf(req)
  await removeProducerMemberWorkflow(req.scope).run({
    input: {
      producer_id: producerId,
      auth_identity_id: req.params.id,
      requested_by_auth_identity_id: req.auth_context.auth_identity_id,
      actor_type: "producer",
      actor_id: producerId,
    },
  })
  res.json({ id: req.params.id, deleted: true })
}
