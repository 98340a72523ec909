import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcileListings } from "../lib/reconcile-listings"

/** Hourly: compare every product's gate verdict with the marketplace and repair drift (logged). */
export default async function reconcileListingsJob(container: MedusaContainer) {
  await reconcileListings(container)
}

export const config = {
  name: "ocop-reconcile-listings",
  schedule: "17 * * * *",
}
