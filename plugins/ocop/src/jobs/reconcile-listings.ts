import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcileListings } from "../workflows/listing/reconcile-listings"
import { runListingClock } from "./expire-certifications"
import { measuredJob } from "../observability/metrics"

/**
 * Hourly safety net: first the listing clock (so a certificate that expired minutes ago is not
 * reported as drift), then every product's verdict against the marketplace. Anything repaired is
 * logged at error level with the product and the reason: with the database gate it should be none.
 */
export default async function reconcileListingsJob(container: MedusaContainer) {
  if (process.env.NODE_ENV === "test") return // as the clock job: tests run it through POST /admin/ocop/listings/refresh
  await measuredJob(config.name, async () => {
    await runListingClock(container)
    await reconcileListings(container)
  })
}

export const config = {
  name: "ocop-reconcile-listings",
  schedule: "17 * * * *",
}
