import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runExpiryExclusively } from "../workflows/certification/expire-certifications"
import { refreshListingsWorkflow } from "../workflows/listing/refresh-listings"
import { listingsToCatchUp } from "../lib/listing-gate-database"
import { measuredJob } from "../observability/metrics"

/**
 * Every 5 minutes: the listing gate's clock. Time passing fires no database trigger, so this is
 * what takes a product out when its certificate expires (and lists it when one becomes valid).
 * Cheap (indexed queries that find nothing on most runs) and idempotent: each expiring
 * certificate is warned once, 30 days ahead. Until it runs, the cart's live check already refuses
 * the product. It also finishes what the database gate did alone (decision 005): a membership it
 * removed after an outside write gets its listing row, audit entry and search update.
 */
export default async function expireCertificationsJob(container: MedusaContainer) {
  // Timers do not fire under test (a run between two steps of a test would change what it
  // checks); tests call runListingClock themselves.
  if (process.env.NODE_ENV === "test") return
  await measuredJob(config.name, () => runListingClock(container))
}

export async function runListingClock(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const result = await runExpiryExclusively(container)
  if (result.expired.length || result.warned.length) {
    logger.info(
      `OCOP expiry: ${result.expired.length} certificate(s) expired and were delisted; ${result.warned.length} certificate(s) expire within 30 days (producers notified).`
    )
  }
  const due = await listingsToCatchUp(container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any)
  for (const kind of ["delisted_by_database", "became_valid"] as const) {
    const ids = due.filter((d) => d.kind === kind).map((d) => d.product_id)
    if (!ids.length) continue
    const reason = kind === "became_valid" ? "certificate became valid" : "removed by the database listing gate"
    await refreshListingsWorkflow(container).run({ input: { product_ids: ids, reason } })
    logger.info(
      `OCOP listing clock: ${ids.length} product(s) refreshed because ${reason}: ${ids.slice(0, 20).join(", ")}${ids.length > 20 ? ", …" : ""}.`
    )
  }
}

export const config = {
  name: "ocop-expire-certifications",
  schedule: "*/5 * * * *",
}
