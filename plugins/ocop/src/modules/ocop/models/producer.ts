import { model } from "@medusajs/framework/utils"
import { Certification } from "./certification"

export const PRODUCER_ENTITY_TYPES = ["cooperative", "enterprise", "cooperative_group", "household"] as const
export const PRODUCER_STATUSES = ["pending", "active", "suspended"] as const

/** A chủ thể OCOP: the cooperative, enterprise, cooperative group or household business behind products. */
export const Producer = model
  .define(
    { name: "Producer", tableName: "ocop_producer" },
    {
      id: model.id({ prefix: "opr" }).primaryKey(),
      name: model.text().searchable(),
      handle: model.text().unique(),
      entity_type: model.enum([...PRODUCER_ENTITY_TYPES]),
      province_code: model.text(),
      /** The pre-2025 province the address lies in, when it merged into `province_code` (e.g. "60" Bình Thuận). */
      former_province_code: model.text().nullable(),
      ward: model.text().nullable(),
      address: model.text().nullable(),
      phone: model.text().nullable(),
      email: model.text().nullable(),
      story: model.text().nullable(),
      logo_url: model.text().nullable(),
      status: model.enum([...PRODUCER_STATUSES]).default("pending"),
      status_reason: model.text().nullable(),
      certifications: model.hasMany(() => Certification, { mappedBy: "producer" }),
    }
  )
  .indexes([{ on: ["province_code"] }, { on: ["status"] }, { on: ["created_at"] }])
