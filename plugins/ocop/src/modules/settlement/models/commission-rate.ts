import { model } from "@medusajs/framework/utils"

/**
 * The platform's commission, in basis points of net sales (800 = 8%), for a product group ("*" =
 * every group without its own) from a month on. Rows are never edited in place for a past month: a
 * new rate is a new row, so earlier statements keep the rate of their month.
 */
export const CommissionRate = model
  .define(
    { name: "CommissionRate", tableName: "ocop_commission_rate" },
    {
      id: model.id({ prefix: "ocrt" }).primaryKey(),
      product_group: model.text(),
      rate_bps: model.number(),
      /** First month (YYYY-MM, Vietnam time) the rate applies to. */
      effective_from: model.text(),
      set_by_id: model.text().nullable(),
    }
  )
  .indexes([{ on: ["product_group", "effective_from"], unique: true }])
