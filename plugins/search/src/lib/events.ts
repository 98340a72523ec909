/**
 * Which product ids an event concerns. `ocop.listing.changed` carries them
 * ({ product_ids, listed, delisted }); product events carry `id`; variant events carry the
 * variant and (usually) `product_id`.
 */
export type AnyEvent = { name: string; data: Record<string, any> | Record<string, any>[] }

function idsOf(value: unknown): string[] {
  if (!value) return []
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && !!v)
}

export function resolveEventProductIds(event: AnyEvent): string[] {
  const items = Array.isArray(event.data) ? event.data : [event.data ?? {}]
  const ids = new Set<string>()
  for (const data of items) {
    if (event.name === "ocop.listing.changed") {
      for (const id of [...idsOf(data.product_ids), ...idsOf(data.listed), ...idsOf(data.delisted)]) ids.add(id)
    } else if (event.name.startsWith("product-variant.")) {
      for (const id of idsOf(data.product_id)) ids.add(id)
    } else if (event.name.startsWith("ocop.")) {
      for (const id of [...idsOf(data.product_ids), ...idsOf(data.product_id)]) ids.add(id)
    } else {
      for (const id of idsOf(data.id)) ids.add(id)
    }
  }
  return [...ids]
}
