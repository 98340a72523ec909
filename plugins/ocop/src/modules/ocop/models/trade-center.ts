import { model } from "@medusajs/framework/utils"

/** Trung tâm xúc tiến thương mại: a provincial trade-promotion centre; its curators act only in its province. */
export const TradeCenter = model.define(
  { name: "TradeCenter", tableName: "ocop_trade_center" },
  {
    id: model.id({ prefix: "otc" }).primaryKey(),
    name: model.text(),
    province_code: model.text().unique(),
    email: model.text().nullable(),
    phone: model.text().nullable(),
    address: model.text().nullable(),
  }
)
