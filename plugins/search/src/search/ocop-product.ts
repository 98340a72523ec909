/**
 * The `ocop_product` search index: listed OCOP products only. Declared as code for
 * Medusa's Search Module; `seed` pages every product (unlisted ones become deletes),
 * `consume` re-reads the products an event names and upserts or deletes them.
 */
import { defineSearchIndex, graphConsume, graphSeed } from "@medusajs/framework/utils"
import { OCOP_PRODUCT_SETTINGS, ocopProductFields } from "../lib/fields"
import { OCOP_PRODUCT_INDEX, toSearchDocument } from "../lib/document"
import { PRODUCT_GRAPH_FIELDS, attachOcopRelations, toProductSource } from "../lib/source"
import { searchProviderId } from "../lib/provider-choice"
import { resolveEventProductIds } from "../lib/events"

const transform = async (rows: Record<string, any>[], context: { container: { query: any } }) =>
  (await attachOcopRelations(rows, context.container.query))
    .map((row) => toSearchDocument(toProductSource(row)))
    .filter((doc): doc is NonNullable<typeof doc> => !!doc) as any[]

export default defineSearchIndex({
  name: OCOP_PRODUCT_INDEX,
  entity: "product",
  provider: searchProviderId(),
  fields: ocopProductFields,
  settings: OCOP_PRODUCT_SETTINGS,
  events: [
    "ocop.listing.changed",
    "product.created",
    "product.updated",
    "product.deleted",
    "product-variant.updated",
    "product-variant.created",
    "product-variant.deleted",
    "ocop.producer.updated",
    "ocop.certification.updated",
    "ocop.search.refresh",
  ],
  consume: graphConsume({
    fields: PRODUCT_GRAPH_FIELDS,
    transform,
    resolve_ids: (event) => resolveEventProductIds(event as any),
    is_delete: (event) => event.name === "product.deleted",
  }),
  seed: graphSeed({ fields: PRODUCT_GRAPH_FIELDS, transform, batch_size: 250 }),
})
