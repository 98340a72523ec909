/**
 * Reads products through `query.graph` and turns them into ProductSource rows for the
 * document mapper. The link aliases are those the OCOP plugin defines.
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
  "producer.status",
  "certifications.id",
  "certifications.stars",
  "certifications.status",
  "certifications.is_current",
  "certifications.group_slug",
  "certifications.subgroup_slug",
  "certifications.province_code",
  "certifications.certificate_number",
  "certifications.valid_from",
  "certifications.expires_at",
  "product_listing.listed",
  "product_listing.certification_id",
]

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
