import { model } from "@medusajs/framework/utils"

/** Money the platform transferred to a producer for a month's statement, with the bank's reference. */
export const Payout = model
  .define(
    { name: "Payout", tableName: "ocop_payout" },
    {
      id: model.id({ prefix: "opay" }).primaryKey(),
      producer_id: model.text(),
      month: model.text(),
      amount: model.bigNumber(),
      bank_reference: model.text(),
      paid_at: model.dateTime(),
      recorded_by_id: model.text().nullable(),
    }
  )
  .indexes([{ on: ["producer_id", "bank_reference"], unique: true }, { on: ["month"] }])
