import { model } from "@medusajs/framework/utils"

/** Append-only trail of every OCOP decision: who did what to which record, and why. */
export const AuditEvent = model
  .define(
    { name: "AuditEvent", tableName: "ocop_audit_event" },
    {
      id: model.id({ prefix: "oaud" }).primaryKey(),
      entity_type: model.enum(["producer", "certification", "listing", "trade_center"]),
      entity_id: model.text(),
      action: model.text(),
      actor_type: model.text().default("system"),
      actor_id: model.text().nullable(),
      message: model.text().nullable(),
      data: model.json().nullable(),
    }
  )
  .indexes([{ on: ["entity_type", "entity_id"] }, { on: ["entity_id"] }])
