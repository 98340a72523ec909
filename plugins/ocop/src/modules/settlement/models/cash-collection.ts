import { model } from "@medusajs/framework/utils"

/**
 * The cash the shopper paid on delivery for one producer's part of an order, and who holds it: the
 * producer (it or its carrier collected it) or the platform. One per order part.
 */
export const CashCollection = model
  .define(
    { name: "CashCollection", tableName: "ocop_cash_collection" },
    {
      id: model.id({ prefix: "ocod" }).primaryKey(),
      order_id: model.text(),
      producer_id: model.text(),
      amount: model.bigNumber(),
      collected_by: model.enum(["producer", "platform"]),
      collected_at: model.dateTime(),
      recorded_by_type: model.text(),
      recorded_by_id: model.text().nullable(),
    }
  )
  .indexes([{ on: ["order_id", "producer_id"], unique: true }, { on: ["producer_id"] }])
