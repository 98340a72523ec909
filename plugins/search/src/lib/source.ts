/**
 * Reads products through `query.graph` and turns them into ProductSource rows for the
 * document mapper.
 *
 * Verified in backend/integration-tests/http/search: `producer` (product ↔ producer link)
 * resolves through query.graph, but the OCOP plugin's read-only links (certification.product_id,
 * product_listing.product_id) do not — query.graph silently drops `certifications.*` and
 * `product_listing.*`. So the certifications and listing verdicts of a page of products are
 * read with two more query.graph calls on the OCOP entities (`attachOcopRelations`).
 */
import type { ProductSource } from "./document"

export const MARKETPLACE_ROLE = "marketplace"

export const PRODUCT_GRAPH_FIELDS = [
  "id",
  "handle",
  "title",
  "description",
  "thumbnail",
  "status",
  "metadata",
  "created_at",
  "updated_at",
  "deleted_at",
  "sales_channels.id",
  "sales_channels.metadata",
  "variants.id",
  "variants.manage_inventory",
  "variants.allow_backorder",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
  "producer.id",
  "producer.handle",
  "producer.name",
  "producer.entity_type",
  "producer.province_code",
  "producer.former_province_code",
  "producer.status",
]

export const CERTIFICATION_FIELDS = [
  "id",
  "product_id",
  "stars",
  "status",
  "is_current",
  "group_slug",
  "subgroup_slug",
  "province_code",
  "certificate_number",
  "valid_from",
  "expires_at",
]
export const LISTING_FIELDS = ["id", "product_id", "listed", "certification_id"]

type Query = { graph: (config: any) => Promise<{ data: any[] }> }

/** Adds `certifications` and `product_listing` to each product row (two reads per page). */
export async function attachOcopRelations<T extends GraphRow>(rows: T[], query: Query): Promise<T[]> {
  const ids = rows.map((r) => r.id).filter(Boolean)
  if (!ids.length) return rows
  const [certs, listings] = await Promise.all([
    query.graph({
      entity: "certification",
      fields: CERTIFICATION_FIELDS,
      filters: { product_id: ids, is_current: true },
    }),
    query.graph({ entity: "product_listing", fields: LISTING_FIELDS, filters: { product_id: ids } }),
  ])
  // The gate lists a product on any valid approved certificate, not only the current one: when a
  // renewal is revoked, the older certificate (no longer "current") may still be the one that lists
  // it. Read that one too, or the document would be dropped while the store still lists the product.
  const fetched = new Set(certs.data.map((c: GraphRow) => c.id))
  const listedBy = listings.data
    .map((l: GraphRow) => l.certification_id)
    .filter((id: string | null) => id && !fetched.has(id))
  if (listedBy.length) {
    const older = await query.graph({
      entity: "certification",
      fields: CERTIFICATION_FIELDS,
      filters: { id: listedBy },
    })
    certs.data.push(...older.data)
  }
  const certsBy = new Map<string, GraphRow[]>()
  for (const c of certs.data) {
    const list = certsBy.get(c.product_id) ?? []
    list.push(c)
    certsBy.set(c.product_id, list)
  }
  const listingBy = new Map<string, GraphRow>(listings.data.map((l: GraphRow) => [l.product_id, l]))
  for (const row of rows as GraphRow[]) {
    row.certifications = certsBy.get(row.id) ?? []
    row.product_listing = listingBy.get(row.id) ?? null
  }
  return rows
}

type GraphRow = Record<string, any>

/** Listed = the gate said so AND the product sits in the marketplace sales channel. */
export function isListedRow(row: GraphRow): boolean {
  const verdict = row.product_listing?.listed === true
  const channels: GraphRow[] = row.sales_channels ?? []
  const inMarketplace = channels.some((sc) => sc?.metadata?.ocop_role === MARKETPLACE_ROLE)
  return verdict && inMarketplace && !row.deleted_at
}

export function currentCertification(row: GraphRow): GraphRow | undefined {
  const certs: GraphRow[] = (row.certifications ?? []).filter(Boolean)
  const byListing = row.product_listing?.certification_id
  return (
    (byListing && certs.find((c) => c.id === byListing)) ||
    certs.find((c) => c.is_current && c.status === "approved") ||
    undefined
  )
}

export function toProductSource(row: GraphRow): ProductSource {
  const producer = Array.isArray(row.producer) ? row.producer[0] : row.producer
  return {
    id: row.id,
    handle: row.handle,
    title: row.title,
    description: row.description,
    thumbnail: row.thumbnail,
    status: row.status,
    metadata: row.metadata,
    created_at: row.created_at,
    variants: row.variants,
    producer: producer ?? null,
    certification: currentCertification(row) ?? null,
    listed: isListedRow(row),
  }
}
