import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { refreshListingsWorkflow } from "../workflows/listing/refresh-listings"

/** Publishing, unpublishing or deleting a product re-runs the gate for it. */
export default async function productChanged({
  event,
  container,
}: SubscriberArgs<{ id: string } | Array<{ id: string }>>) {
  const ids = (Array.isArray(event.data) ? event.data : [event.data]).map((d) => d.id).filter(Boolean)
  if (!ids.length) return
  try {
    await refreshListingsWorkflow(container).run({ input: { product_ids: ids, reason: event.name } })
  } catch (error: any) {
    // No marketplace channel yet (first boot before the seed): nothing is listed anyway.
    if (error?.type !== "not_found") throw error
  }
}

export const config: SubscriberConfig = {
  event: ["product.updated", "product.deleted"],
}
