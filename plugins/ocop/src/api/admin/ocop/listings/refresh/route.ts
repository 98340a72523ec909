import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refreshListingsWorkflow } from "../../../../../workflows/listing/refresh-listings"
import { reconcileListings } from "../../../../../workflows/listing/reconcile-listings"

/** Re-runs the gate for some products, or for the whole catalogue when none are given. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ids: string[] | undefined = (req as any).validatedBody?.product_ids
  if (ids?.length) {
    const { result } = await refreshListingsWorkflow(req.scope).run({
      input: { product_ids: ids, reason: "manual refresh" },
    })
    return res.json(result)
  }
  res.json(await reconcileListings(req.scope))
}
