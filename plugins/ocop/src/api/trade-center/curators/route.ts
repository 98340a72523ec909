import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { createCuratorLoginWorkflow } from "../../../workflows/trade-center/create-trade-center"
import { curatorRequest } from "../curator-request"

/** The logins of the curator's trade centre (email, and which one is the caller's). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { center } = curatorRequest(req)
  const auth = req.scope.resolve(Modules.AUTH)
  const identities = await auth.listAuthIdentities(
    { app_metadata: { curator_id: center.id } } as Record<string, unknown>,
    { relations: ["provider_identities"] }
  )
  res.json({
    curators: identities.map((identity) => ({
      id: identity.id,
      email: identity.provider_identities?.find((p) => p.provider === "emailpass")?.entity_id ?? null,
      is_you: identity.id === req.auth_context.auth_identity_id,
    })),
  })
}

/** A curator invites a colleague: a second login of the same centre (password rules as for any login). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { center, body } = curatorRequest<unknown, { email: string; password: string }>(req)
  const { result } = await createCuratorLoginWorkflow(req.scope).run({
    input: { ...body, trade_center_id: center.id },
  })
  res.status(201).json({ curator: { id: result.auth_identity_id, email: result.email, is_you: false } })
}
