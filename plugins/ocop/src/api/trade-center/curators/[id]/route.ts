import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeCuratorLoginWorkflow } from "../../../../workflows/trade-center/remove-curator-login"
import { curatorRequest } from "../../curator-request"

/** Removes a colleague's login from the centre; another centre's login is 404, one's own is refused. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { center } = curatorRequest(req)
  await removeCuratorLoginWorkflow(req.scope).run({
    input: {
      trade_center_id: center.id,
      auth_identity_id: req.params.id,
      requested_by_auth_identity_id: req.auth_context.auth_identity_id,
      actor_type: "curator",
      actor_id: center.id,
    },
  })
  res.json({ id: req.params.id, deleted: true })
}
