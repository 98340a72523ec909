import { model } from "@medusajs/framework/utils"

/**
 * The listing gate's last verdict for one product. Derived state, written only by the
 * refresh-listings step together with the marketplace sales-channel membership; the
 * reconciliation job compares the two and repairs drift.
 */
export const ProductListing = model
  .define(
    { name: "ProductListing", tableName: "ocop_product_listing" },
    {
      id: model.id({ prefix: "olst" }).primaryKey(),
      product_id: model.text().unique(),
      producer_id: model.text().nullable(),
      certification_id: model.text().nullable(),
      listed: model.boolean().default(false),
      blocked_reasons: model.json().nullable(),
      evaluated_at: model.dateTime(),
    }
  )
  .indexes([{ on: ["listed"] }, { on: ["producer_id"] }])
