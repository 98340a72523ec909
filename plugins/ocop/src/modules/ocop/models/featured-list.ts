import { model } from "@medusajs/framework/utils"

export const FEATURED_PLACEMENTS = ["home", "province", "campaign"] as const

/**
 * A curated, ordered list of products: the home page selection, a province page's picks, or a
 * fair/campaign with dates. Only listed products are ever shown from it.
 */
export const FeaturedList = model
  .define(
    { name: "FeaturedList", tableName: "ocop_featured_list" },
    {
      id: model.id({ prefix: "ofl" }).primaryKey(),
      title_vi: model.text(),
      title_en: model.text().nullable(),
      placement: model.enum([...FEATURED_PLACEMENTS]),
      province_code: model.text().nullable(),
      product_ids: model.json(),
      starts_at: model.dateTime().nullable(),
      ends_at: model.dateTime().nullable(),
      trade_center_id: model.text().nullable(),
    }
  )
  .indexes([{ on: ["placement", "province_code"] }])
