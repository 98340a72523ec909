/**
 * Price and stock changes carry price / inventory-level ids, not product ids: map them to
 * products and hand the Search Module an `ocop.search.refresh` event, which the
 * `ocop_product` index consumes like any other product event.
 */
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export default async function searchFreshness({ event, container }: SubscriberArgs<{ id?: string | string[] }>) {
  const search = container.resolve(Modules.SEARCH, { allowUnregistered: true }) as any
  if (!search) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = (Array.isArray(event.data?.id) ? event.data.id : [event.data?.id]).filter(Boolean) as string[]
  if (!ids.length) return
  const productIds = new Set<string>()
  try {
    if (event.name.startsWith("inventory-level")) {
      const { data } = await query.graph({
        entity: "inventory_level",
        fields: ["inventory_item.variants.product_id"],
        filters: { id: ids },
      })
      for (const level of data as any[])
        for (const v of level.inventory_item?.variants ?? []) if (v?.product_id) productIds.add(v.product_id)
    } else {
      const { data } = await query.graph({
        entity: "price",
        fields: ["price_set.variant.product_id"],
        filters: { id: ids },
      })
      for (const price of data as any[])
        if (price.price_set?.variant?.product_id) productIds.add(price.price_set.variant.product_id)
    }
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`[ocop-search] could not map ${event.name} to products: ${(e as Error).message}`)
    return
  }
  if (!productIds.size) return
  try {
    await search.ingest({ name: "ocop.search.refresh", data: { product_ids: [...productIds] } })
  } catch (e) {
    // Before the index is first built (e.g. while the seed runs) there is nothing to keep fresh:
    // the first build reads every listed product anyway.
    if (/no active version/i.test((e as Error).message)) return
    throw e
  }
}

export const config: SubscriberConfig = {
  event: [
    "inventory-level.created",
    "inventory-level.updated",
    "inventory-level.deleted",
    "price.created",
    "price.updated",
  ],
  context: { subscriberId: "ocop-search-freshness" },
}
